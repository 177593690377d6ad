import { createPromptLibrary } from '../../agents/index.js';
import { createBatonMcpServer, createMcpCatalog, type McpCatalog, type McpPorts, type McpSessionServer } from '../../mcp/index.js';
import type { Baton } from './create-baton.js';
import type { OpenedEngine } from './open-engine.js';
import { openMetrics, type OpenedMetrics } from './open-metrics.js';

export interface McpServerFactory {
  readonly catalog: McpCatalog;
  readonly ports: McpPorts;
  /** A server over the shared catalog: one for stdio, one per HTTP session. */
  readonly createServer: () => McpSessionServer;
}

/** The MCP server's ports, bound to this process's engine, agents and prompts; the catalog is built once. */
export async function createMcpServerFactory(baton: Baton, opened: OpenedEngine): Promise<McpServerFactory> {
  const agentRuns = await baton.agentRuns();
  const prompts = createPromptLibrary(baton.config.promptsDir);
  let metrics: Promise<OpenedMetrics> | undefined;
  const ports: McpPorts = {
    engine: opened.engine,
    agents: baton.agents.list(),
    runAgent: async (agent, input, options) => (await agentRuns.run(agent, input, options)).result,
    readPrompt: (agent) => prompts.read(agent.prompt),
    modelTiers: baton.config.model.tiers,
    simulated: baton.runner.simulated,
    logger: baton.logger.child({ interface: 'mcp' }),
    callBoundMs: baton.config.mcp.callBoundMs,
    defaultIdentity: baton.config.mcp.identity,
    readMetrics: async () => (await (metrics ??= openMetrics(baton))).collect(),
  };
  const catalog = createMcpCatalog(ports);
  return { catalog, ports, createServer: () => createBatonMcpServer(catalog, ports) };
}
