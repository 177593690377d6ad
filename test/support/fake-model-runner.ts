import { afterEach, beforeEach } from 'vitest';
import { createPromptLibrary } from '../../agents/runtime/prompt-library.js';
import { createAgentRunner, type AgentRunner } from '../../agents/runtime/run-agent.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging/index.js';
import type { FakeAnthropicServer } from '../fakes/fake-anthropic-server.js';
import { startModelHarness } from '../model/model-harness.js';

export interface FakeModelRunner {
  readonly runner: AgentRunner;
  readonly fake: FakeAnthropicServer;
  /** The text of the latest repair turn (the `is_error` tool_result) sent for `toolName`; '' when none was sent. */
  repairText(toolName: string): string;
  close(): Promise<void>;
}

interface SentMessage {
  readonly role: string;
  readonly content: unknown;
}

/**
 * The real agent runner on the real SDK-backed model client, talking to the fake Messages API:
 * an agent's scripted answer goes through the same schema, checks, repair and finalize as in production.
 */
export async function startFakeModelRunner(): Promise<FakeModelRunner> {
  const harness = await startModelHarness();
  const logger = createLogger({ level: 'silent' });
  const prompts = createPromptLibrary(loadConfig({ BATON_MODEL: 'offline' }).promptsDir);
  const runner = createAgentRunner({ model: harness.client, prompts, logger });
  return {
    runner,
    fake: harness.fake,
    repairText(toolName: string): string {
      const repairs = harness.fake
        .requestsFor(toolName)
        .map((request) => (request.body as { messages?: readonly SentMessage[] }).messages?.[2]?.content as readonly { content?: string }[] | undefined)
        .filter((content) => content !== undefined);
      return repairs.at(-1)?.[0]?.content ?? '';
    },
    close: () => harness.close(),
  };
}

/**
 * A fake-model runner per test, started before and closed after each one: call it at module or
 * describe level (`const model = useFakeModelRunner();`) and use `model.runner` and `model.fake`
 * inside tests.
 */
export function useFakeModelRunner(): FakeModelRunner {
  let current: FakeModelRunner | undefined;
  beforeEach(async () => {
    current = await startFakeModelRunner();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const active = (): FakeModelRunner => {
    if (current === undefined) throw new Error('the fake model runner exists only while a test runs');
    return current;
  };
  return {
    get runner() {
      return active().runner;
    },
    get fake() {
      return active().fake;
    },
    repairText: (toolName) => active().repairText(toolName),
    close: () => active().close(),
  };
}
