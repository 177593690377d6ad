import { createHash } from 'node:crypto';
import type { AnyAgent } from '../../agents/index.js';
import { FakeAnthropicServer } from '../fakes/fake-anthropic-server.js';
import type { FakeStep } from '../fakes/fake-anthropic-types.js';
import { inputOf, toolOf } from '../engine/fake-model-answers.js';
import type { SeededRandom } from './seeded-random.js';

/** The text that makes every call for a run's classifier fail: a run that must end in a dead letter. */
export const POISON_MARKER = 'POISON-PILL';

export interface FaultyModel {
  readonly fake: FakeAnthropicServer;
  /** 429s, 5xx and slow answers sent so far (the poison runs' errors included). */
  faults(): number;
  /** Turns the random faults on or off; poison calls fail either way. */
  setFaulty(faulty: boolean): void;
  close(): Promise<void>;
}

const ERRORS: readonly FakeStep[] = [{ error: 429, retryAfterSeconds: 1 }, { error: 500 }, { error: 503 }, { error: 529 }];

/**
 * The Messages API fake answering every built-in agent as its simulator would, with faults: each
 * distinct call (tool and input) fails its first 0 to 2 attempts with a 429, 500, 503 or 529, and
 * one answer in five is slow (0.3 to 2 s). The model client makes three attempts, so every call
 * but a poison one succeeds in the end; a poison call (its input mentions POISON_MARKER) always
 * answers 500, so its step fails for good.
 */
export async function startFaultyModel(agents: readonly AnyAgent[], random: SeededRandom, apiKey: string): Promise<FaultyModel> {
  const fake = new FakeAnthropicServer({ apiKey });
  await fake.start();
  const attempts = new Map<string, number>();
  let faults = 0;
  let faulty = true;
  for (const agent of agents) {
    fake.respond(toolOf(agent), (request) => {
      const input = inputOf(request);
      const text = JSON.stringify(input ?? null);
      if (text.includes(POISON_MARKER)) {
        faults += 1;
        return { error: 500, message: 'poisoned input' };
      }
      const key = createHash('sha256').update(`${agent.name}:${text}`).digest('hex');
      const seen = attempts.get(key) ?? 0;
      attempts.set(key, seen + 1);
      const failFirst = Number.parseInt(key.slice(0, 8), 16) % 3;
      if (faulty && seen < failFirst) {
        faults += 1;
        return random.pick(ERRORS);
      }
      const answer: FakeStep = { reply: agent.simulate(agent.input.parse(input)) };
      if (faulty && random.next() < 0.2) {
        faults += 1;
        return { delayMs: random.between(300, 2_000), then: answer };
      }
      return answer;
    });
  }
  return {
    fake,
    faults: () => faults,
    setFaulty: (value) => {
      faulty = value;
    },
    close: () => fake.close(),
  };
}
