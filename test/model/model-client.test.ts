import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PRICES } from '../../src/config.js';
import { toJsonSchema } from '../../src/contracts/to-json-schema.js';
import { formatZodIssues } from '../../src/errors/index.js';
import { tokensOf } from '../fakes/fake-anthropic-usage.js';
import {
  batonErrorOf,
  startModelHarness,
  TRIAGE_SYSTEM,
  TRIAGE_TOOL,
  TriageSchema,
  triageRequest,
  VALID_TRIAGE,
  type ModelHarness,
} from './model-harness.js';

const INVALID_TRIAGE = { category: 'lukewarm', confidence: 1.5, reason: 'Seems keen.' };

interface SentBody {
  readonly system: unknown;
  readonly tools: readonly unknown[];
  readonly messages: readonly { readonly role: string; readonly content: unknown }[];
}

describe('model client through the Anthropic SDK and the fake Messages API', () => {
  let harness: ModelHarness;

  beforeEach(async () => {
    harness = await startModelHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const sentBodies = () => harness.fake.requests.map((request) => request.body as SentBody);

  it('returns the parsed structured answer of the forced tool call', async () => {
    harness.fake.script(TRIAGE_TOOL, { reply: VALID_TRIAGE });
    const result = await harness.client.generate(triageRequest());
    expect(result).toMatchObject({ value: VALID_TRIAGE, model: 'claude-haiku-5-5', simulated: false, calls: 1 });
  });

  it('sends the system prompt with cache_control, the forced tool and its JSON schema', async () => {
    harness.fake.script(TRIAGE_TOOL, { reply: VALID_TRIAGE });
    await harness.client.generate(triageRequest());
    const [request] = harness.fake.requests;
    expect(request?.headers).toMatchObject({ 'anthropic-version': '2026-10-21', authorization: 'Bearer test-key' });
    expect(request?.body).toEqual({
      model: 'claude-haiku-5-5',
      max_tokens: 4096,
      system: [{ type: 'text', text: TRIAGE_SYSTEM, cache_control: { type: 'ephemeral' } }],
      tools: [{ name: TRIAGE_TOOL, description: 'Submit the triage verdict for the lead.', input_schema: toJsonSchema(TriageSchema, 'input') }],
      tool_choice: { type: 'tool', name: TRIAGE_TOOL },
      messages: [{ role: 'user', content: triageRequest().user }],
    });
  });

  it('repairs a schema-invalid answer once, quoting the exact validation errors in an is_error tool_result', async () => {
    harness.fake.script(TRIAGE_TOOL, { reply: INVALID_TRIAGE }, { reply: VALID_TRIAGE });
    const result = await harness.client.generate(triageRequest());
    expect(result).toMatchObject({ value: VALID_TRIAGE, calls: 2 });

    const problems = formatZodIssues(TriageSchema.safeParse(INVALID_TRIAGE).error?.issues ?? [], 'output').split('; ');
    expect(problems.some((problem) => problem.startsWith('category:'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('confidence:'))).toBe(true);
    const [, assistant, repair] = sentBodies()[1]?.messages ?? [];
    const firstToolUseId = 'toolu_fake_1';
    expect(assistant).toEqual({ role: 'assistant', content: [{ type: 'tool_use', id: firstToolUseId, name: TRIAGE_TOOL, input: INVALID_TRIAGE }] });
    expect(repair).toMatchObject({ role: 'user', content: [{ type: 'tool_result', tool_use_id: firstToolUseId, is_error: true }] });
    const quoted = (repair?.content as { content: string }[])[0]?.content ?? '';
    for (const problem of problems) expect(quoted).toContain(`- ${problem}`);
  });

  it('escalates with model_output_invalid when the repaired answer is invalid again', async () => {
    harness.fake.script(TRIAGE_TOOL, { reply: INVALID_TRIAGE }, { reply: { ...INVALID_TRIAGE, confidence: 0.5 } });
    const error = await batonErrorOf(harness.client.generate(triageRequest()));
    expect(error.code).toBe('model_output_invalid');
    expect(error.message).toContain('escalate to a human');
    expect(error.details['problemsByCall']).toHaveLength(2);
    expect(harness.fake.requests).toHaveLength(2);
  });

  it('repairs an answer cut off at max_tokens by saying so', async () => {
    harness.fake.script(TRIAGE_TOOL, { maxTokens: { category: 'hot' } }, { reply: VALID_TRIAGE });
    const result = await harness.client.generate(triageRequest({ maxOutputTokens: 64 }));
    expect(result.calls).toBe(2);
    expect(JSON.stringify(sentBodies()[1]?.messages[2])).toContain('the answer was cut off at max_tokens (64 output tokens)');
  });

  it('honours retry-after on a 429 and then succeeds', async () => {
    harness.fake.script(TRIAGE_TOOL, { error: 429, retryAfterSeconds: 2 }, { reply: VALID_TRIAGE });
    const result = await harness.client.generate(triageRequest());
    expect(result.value).toEqual(VALID_TRIAGE);
    expect(harness.waits).toEqual([2000]);
    expect(harness.fake.requests).toHaveLength(2);
  });

  it('retries a 529 overloaded answer with jittered backoff', async () => {
    harness.fake.script(TRIAGE_TOOL, { error: 529 }, { reply: VALID_TRIAGE });
    const result = await harness.client.generate(triageRequest());
    expect(result.value).toEqual(VALID_TRIAGE);
    expect(harness.waits).toEqual([250]);
  });

  it('gives up with model_unavailable after exactly three attempts at a failing API', async () => {
    harness.fake.script(TRIAGE_TOOL, { error: 500 }, { error: 500 }, { error: 500 }, { reply: VALID_TRIAGE });
    const error = await batonErrorOf(harness.client.generate(triageRequest()));
    expect(error.code).toBe('model_unavailable');
    expect(error.retryable).toBe(true);
    expect(error.details).toMatchObject({ status: 500, attempts: 3, requestId: 'req_fake_000003' });
    expect(harness.fake.requests).toHaveLength(3);
    expect(harness.waits).toEqual([250, 500]);
  });

  it('does not retry a 400 and reports it as model_request_rejected', async () => {
    harness.fake.script(TRIAGE_TOOL, { error: 400, message: 'messages.0.content: too long' });
    const error = await batonErrorOf(harness.client.generate(triageRequest()));
    expect(error.code).toBe('model_request_rejected');
    expect(error.message).toContain('messages.0.content: too long');
    expect(error.details).toMatchObject({ status: 400, attempts: 1 });
    expect(harness.fake.requests).toHaveLength(1);
  });

  it('records usage with cache writes then cache reads, and prices it from the tier model', async () => {
    harness.fake.respond(TRIAGE_TOOL, () => ({ reply: VALID_TRIAGE }));
    const first = await harness.client.generate(triageRequest());
    const second = await harness.client.generate(triageRequest());

    const body = sentBodies()[0]!;
    const prefixTokens = tokensOf(JSON.stringify(body.tools) + TRIAGE_SYSTEM);
    expect(prefixTokens).toBeGreaterThan(0);
    expect(first.usage).toMatchObject({ inputTokens: tokensOf(JSON.stringify(body.messages)), cacheWriteTokens: prefixTokens, cacheReadTokens: 0 });
    expect(second.usage).toMatchObject({ inputTokens: first.usage.inputTokens, cacheWriteTokens: 0, cacheReadTokens: prefixTokens });

    const price = DEFAULT_MODEL_PRICES['claude-haiku-5-5']!;
    const dollars = (usage: typeof first.usage) =>
      (usage.inputTokens * price.input + usage.outputTokens * price.output + usage.cacheWriteTokens * price.cacheWrite + usage.cacheReadTokens * price.cacheRead) / 1e6;
    expect(first.costUsd).toBeCloseTo(dollars(first.usage), 12);
    expect(second.costUsd).toBeCloseTo(dollars(second.usage), 12);
    expect(second.costUsd).toBeLessThan(first.costUsd);
  });

  it('adds up usage across the repair call', async () => {
    harness.fake.script(TRIAGE_TOOL, { reply: INVALID_TRIAGE }, { reply: VALID_TRIAGE });
    const result = await harness.client.generate(triageRequest());
    const [firstBody, secondBody] = sentBodies();
    const inputTokens = tokensOf(JSON.stringify(firstBody?.messages)) + tokensOf(JSON.stringify(secondBody?.messages));
    expect(result.usage.inputTokens).toBe(inputTokens);
    expect(result.usage.cacheReadTokens).toBe(result.usage.cacheWriteTokens);
  });

  it('fails with timeout when the model is slower than the call timeout, without retrying', async () => {
    harness.fake.script(TRIAGE_TOOL, { delayMs: 5_000, then: { reply: VALID_TRIAGE } });
    const started = performance.now();
    const error = await batonErrorOf(harness.client.generate(triageRequest({ timeoutMs: 100 })));
    expect(error.code).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(harness.fake.requests).toHaveLength(1);
  });

  it('fails with cancelled when the caller aborts mid-call', async () => {
    harness.fake.script(TRIAGE_TOOL, { delayMs: 5_000, then: { reply: VALID_TRIAGE } });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    const error = await batonErrorOf(harness.client.generate(triageRequest({ signal: controller.signal })));
    expect(error.code).toBe('cancelled');
    expect(harness.fake.requests).toHaveLength(1);
  });
});
