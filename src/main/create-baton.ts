import type { DestinationStream } from 'pino';
import { createAgentCatalog, createAgentRunner, createPromptLibrary, loadBuiltInAgents, type AgentCatalog, type AgentRunner } from '../../agents/index.js';
import { loadConfig, type Config, type LogLevel } from '../config.js';
import { createAgentRuns, type AgentRuns } from '../engine/agent-runs.js';
import { createLogger, type Logger } from '../logging/index.js';
import type { ModelClient } from '../model/model-types.js';
import { openStore, type Store } from '../store/index.js';
import { createModel } from './create-model.js';

export interface BatonOptions {
  /** Defaults to the process environment; tests pass their own. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly logDestination?: DestinationStream;
  /** Used when BATON_LOG_LEVEL is not set: servers want info, a CLI command only warnings. */
  readonly defaultLogLevel?: LogLevel;
}

/** Everything a process needs, wired once. The store opens on first use: listing agents needs no database. */
export interface Baton {
  readonly config: Config;
  readonly logger: Logger;
  readonly model: ModelClient;
  readonly agents: AgentCatalog;
  readonly runner: AgentRunner;
  store(): Promise<Store>;
  agentRuns(): Promise<AgentRuns>;
  close(): Promise<void>;
}

export async function createBaton(options: BatonOptions = {}): Promise<Baton> {
  const config = loadConfig(options.env);
  const simulated = config.model.mode === 'offline';
  const logger = createLogger({
    level: config.logLevel ?? options.defaultLogLevel ?? 'info',
    ...(simulated ? { base: { simulated: true } } : {}),
    ...(options.logDestination === undefined ? {} : { destination: options.logDestination }),
    secrets: [config.model.apiKey, config.databaseUrl].filter((secret): secret is string => secret !== undefined),
  });
  if (simulated) logger.info('offline mode: answers come from the deterministic simulator, not a real model (set ANTHROPIC_API_KEY for real answers)');
  const model = createModel(config, logger);
  const agents = createAgentCatalog(await loadBuiltInAgents(config.promptsDir));
  const runner = createAgentRunner({ model, prompts: createPromptLibrary(config.promptsDir), logger });
  let opened: Promise<Store> | undefined;
  const store = () => (opened ??= openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger }));
  return {
    config,
    logger,
    model,
    agents,
    runner,
    store,
    agentRuns: async () => createAgentRuns({ sql: (await store()).sql, runner, logger }),
    close: async () => {
      if (opened !== undefined) await (await opened).close();
      logger.flush();
    },
  };
}
