import { afterEach } from 'vitest';
import { z } from 'zod';
import { loadConfig, type ModelConfig } from '../../src/config.js';
import { toJsonSchema } from '../../src/contracts/to-json-schema.js';
import { BatonError } from '../../src/errors/index.js';
import { createLogger, type Logger } from '../../src/logging/index.js';
import {
  createAnthropicTransport,
  createModelClient,
  type ModelClient,
  type ModelTransport,
  type Sleep,
  type StructuredRequest,
  type TransportRequest,
} from '../../src/model/index.js';
import { FakeAnthropicServer, type FakeAnthropicServerOptions } from '../fakes/fake-anthropic-server.js';

export const TriageSchema = z.object({
  category: z.enum(['hot', 'warm', 'cold']),
  confidence: z.number().min(0).max(1),
  reason: z.string().min(1),
});
export type Triage = z.infer<typeof TriageSchema>;

export const VALID_TRIAGE: Triage = { category: 'hot', confidence: 0.9, reason: 'The CTO asked for a demo this week.' };
export const TRIAGE_TOOL = 'submit_triage';
export const TRIAGE_SYSTEM = 'You triage inbound leads for a B2B SaaS company. Answer only by calling submit_triage.';

export function triageRequest(overrides: Partial<StructuredRequest<Triage>> = {}): StructuredRequest<Triage> {
  return {
    agent: 'triage',
    tier: 'fast',
    system: TRIAGE_SYSTEM,
    user: 'Lead: Ada Lovelace, CTO at Example Ltd, asked for a demo.',
    schema: TriageSchema,
    toolName: TRIAGE_TOOL,
    toolDescription: 'Submit the triage verdict for the lead.',
    simulate: () => VALID_TRIAGE,
    ...overrides,
  };
}

/** The same call as the model client would hand the transport, for tests of the transport alone. */
export function triageTransportRequest(overrides: Partial<TransportRequest> = {}): TransportRequest {
  return {
    agent: 'triage',
    model: 'claude-haiku-5-5',
    system: TRIAGE_SYSTEM,
    transcript: [{ role: 'user', text: 'Lead: Ada Lovelace, CTO at Example Ltd, asked for a demo.' }],
    tool: { name: TRIAGE_TOOL, description: 'Submit the triage verdict for the lead.', inputSchema: toJsonSchema(TriageSchema, 'input') },
    maxOutputTokens: 1024,
    timeoutMs: 10_000,
    simulate: () => VALID_TRIAGE,
    ...overrides,
  };
}

export interface ModelHarnessOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** Use the transport's real, abortable sleep instead of the recording one. */
  readonly realSleep?: boolean;
  readonly logger?: Logger;
  readonly fake?: FakeAnthropicServerOptions;
}

export interface ModelHarness {
  readonly fake: FakeAnthropicServer;
  readonly config: ModelConfig;
  readonly transport: ModelTransport;
  readonly client: ModelClient;
  /** Every wait the transport asked for between attempts, in milliseconds. */
  readonly waits: readonly number[];
  close(): Promise<void>;
}

/** A fake Messages API and the real SDK-backed transport and model client pointed at it. */
export async function startModelHarness(options: ModelHarnessOptions = {}): Promise<ModelHarness> {
  const fake = new FakeAnthropicServer(options.fake);
  await fake.start();
  const config = loadConfig({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url, ...options.env }).model;
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const waits: number[] = [];
  const recordingSleep: Sleep = (milliseconds) => {
    waits.push(milliseconds);
    return Promise.resolve();
  };
  const transport = createAnthropicTransport({
    config,
    logger,
    random: () => 0.5,
    ...(options.realSleep === true ? {} : { sleep: recordingSleep }),
  });
  const client = createModelClient({ config, transport, logger });
  return { fake, config, transport, client, waits, close: () => fake.close() };
}

/** The BatonError a call failed with; fails the test if it succeeded or threw something else. */
export async function batonErrorOf(promise: Promise<unknown>): Promise<BatonError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BatonError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a BatonError, but it succeeded');
}

/** Inside a describe: a starter for one harness per test, closed after each test. */
export function useModelHarness(): (options?: ModelHarnessOptions) => Promise<ModelHarness> {
  let harness: ModelHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return async (options = {}) => {
    harness = await startModelHarness(options);
    return harness;
  };
}
