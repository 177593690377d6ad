import type { AnyAgent } from '../../agents/index.js';
import type { FakeAnthropicServer } from '../fakes/fake-anthropic-server.js';
import type { RecordedRequest } from '../fakes/fake-anthropic-types.js';
import { isJsonObject } from '../fakes/fake-anthropic-validation.js';

/** The tool the agent runner forces for an agent: `submit_<name>` with dashes as underscores. */
export function toolOf(agent: Pick<AnyAgent, 'name'>): string {
  return `submit_${agent.name.replaceAll('-', '_')}`;
}

/** The agent input a request carried: the JSON inside the first user turn's `<input>` fence. */
export function inputOf(request: RecordedRequest): unknown {
  const messages = isJsonObject(request.body) && Array.isArray(request.body['messages']) ? request.body['messages'] : [];
  const first: unknown = messages[0];
  const text = isJsonObject(first) && typeof first['content'] === 'string' ? first['content'] : '';
  const fenced = /<input>\n([\s\S]*)\n<\/input>/.exec(text)?.[1];
  return fenced === undefined ? undefined : (JSON.parse(fenced) as unknown);
}

/**
 * Answers every request for each agent's tool as its simulator would, so the fake behaves like a
 * well-behaved model unless a test scripts a fault for the next requests.
 */
export function answerLikeSimulators(fake: FakeAnthropicServer, agents: readonly AnyAgent[]): void {
  for (const agent of agents) {
    fake.respond(toolOf(agent), (request) => ({ reply: agent.simulate(agent.input.parse(inputOf(request))) }));
  }
}

/** Requests for an agent whose input mentions `marker`: a test counts only its own run's calls. */
export function requestsMentioning(fake: FakeAnthropicServer, agent: Pick<AnyAgent, 'name'>, marker: string): RecordedRequest[] {
  return fake.requestsFor(toolOf(agent)).filter((request) => JSON.stringify(inputOf(request) ?? null).includes(marker));
}
