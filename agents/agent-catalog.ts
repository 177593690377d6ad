import { BatonError } from '../src/errors/index.js';
import type { AnyAgent } from './runtime/agent-definition.js';

export interface AgentCatalog {
  list(): readonly AnyAgent[];
  /** The agent called `name`, or a not_found error listing the names that exist. */
  get(name: string): AnyAgent;
}

export function createAgentCatalog(agents: readonly AnyAgent[]): AgentCatalog {
  const byName = new Map<string, AnyAgent>();
  for (const agent of agents) {
    if (byName.has(agent.name)) throw new BatonError('config_invalid', `Two agents are named ${agent.name}; agent names must be unique.`);
    byName.set(agent.name, agent);
  }
  return {
    list: () => [...byName.values()],
    get(name: string): AnyAgent {
      const agent = byName.get(name);
      if (agent === undefined) {
        throw new BatonError('not_found', `No agent named "${name}". Agents: ${[...byName.keys()].join(', ')}.`, { details: { agent: name } });
      }
      return agent;
    },
  };
}
