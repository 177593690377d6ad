import type { AgentResult, AnyAgent } from '../../agents/index.js';
import type { McpIdentity, ModelTier } from '../../src/config.js';
import type { Engine } from '../../src/engine/engine.js';
import type { Logger } from '../../src/logging/index.js';
import type { MetricsSnapshot } from '../../src/metrics/index.js';

/**
 * What the MCP server needs from the rest of Baton, given by the composition root (src/main):
 * the engine's public API, the agents, and a way to run one agent alone. The server knows
 * nothing of queues, databases or Slack.
 */
export interface McpPorts {
  readonly engine: Engine;
  readonly agents: readonly AnyAgent[];
  /** Runs one agent alone as a recorded one-step run under `runId`; its input is validated first. */
  runAgent(agent: AnyAgent, input: unknown, options: { readonly runId: string; readonly signal: AbortSignal }): Promise<AgentResult<unknown>>;
  /** The agent's prompt file, as the model receives it. */
  readPrompt(agent: AnyAgent): Promise<string>;
  readonly modelTiers: Readonly<Record<ModelTier, string>>;
  /** Offline mode: a deterministic simulator answers, and every result says so. */
  readonly simulated: boolean;
  readonly logger: Logger;
  /** The longest a tool call blocks before it returns a run handle (always under the 60 s clients allow). */
  readonly callBoundMs: number;
  /** Who the caller is when the transport carries no identity of its own (stdio). */
  readonly defaultIdentity: McpIdentity;
  /** Orchestration health over the last day (the figures `baton metrics` prints), for `baton://metrics`. */
  readMetrics(): Promise<MetricsSnapshot>;
}
