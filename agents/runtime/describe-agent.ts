import type { ModelTier } from '../../src/config.js';
import { toJsonSchema } from '../../src/contracts/to-json-schema.js';
import type { AnyAgent } from './agent-definition.js';

export interface AgentDescription {
  readonly name: string;
  readonly description: string;
  readonly tier: ModelTier;
  readonly model: string;
  readonly prompt: string;
  readonly timeoutMs: number;
  readonly reads: readonly string[];
  readonly checks: readonly { name: string; description: string }[];
  readonly inputSchema: Record<string, unknown>;
  readonly outputSchema: Record<string, unknown>;
}

/** The agent as data: what `baton agents` prints and, later, what MCP resources publish. */
export function describeAgent(agent: AnyAgent, tiers: Readonly<Record<ModelTier, string>>): AgentDescription {
  return {
    name: agent.name,
    description: agent.description,
    tier: agent.tier,
    model: tiers[agent.tier],
    prompt: `prompts/${agent.prompt}`,
    timeoutMs: agent.timeoutMs,
    reads: agent.reads,
    checks: agent.checks.map((check) => ({ name: check.name, description: check.description })),
    inputSchema: toJsonSchema(agent.input, 'input'),
    outputSchema: toJsonSchema(agent.output),
  };
}
