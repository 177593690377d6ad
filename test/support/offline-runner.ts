import { loadBuiltInAgents } from '../../agents/built-in-agents.js';
import { createAgentCatalog, type AgentCatalog } from '../../agents/agent-catalog.js';
import { createPromptLibrary } from '../../agents/runtime/prompt-library.js';
import { createAgentRunner, type AgentRunner } from '../../agents/runtime/run-agent.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { createModelClient } from '../../src/model/model-client.js';
import { createOfflineTransport } from '../../src/model/offline-transport.js';

/** The real runner and the built-in agents on offline mode's simulator: how a new user first sees Baton. */
export async function createOfflineRunner(): Promise<{ runner: AgentRunner; agents: AgentCatalog }> {
  const config = loadConfig({ BATON_MODEL: 'offline' });
  const logger = createLogger({ level: 'silent' });
  const model = createModelClient({ config: config.model, transport: createOfflineTransport(), logger });
  const runner = createAgentRunner({ model, prompts: createPromptLibrary(config.promptsDir), logger });
  return { runner, agents: createAgentCatalog(await loadBuiltInAgents(config.promptsDir)) };
}
