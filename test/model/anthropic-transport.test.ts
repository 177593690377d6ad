import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging/index.js';
import { createAnthropicTransport } from '../../src/model/index.js';
import { batonErrorOf, TRIAGE_TOOL, triageTransportRequest, useModelHarness, VALID_TRIAGE } from './model-harness.js';

describe('Anthropic transport against the fake Messages API', () => {
  const start = useModelHarness();

  it('returns the tool input, usage, model and request id of a forced tool call', async () => {
    const { fake, transport } = await start();
    fake.script(TRIAGE_TOOL, { reply: VALID_TRIAGE });
    const response = await transport.send(triageTransportRequest());
    expect(response).toMatchObject({ toolInput: VALID_TRIAGE, toolUseId: 'toolu_fake_1', model: 'claude-haiku-5-5', requestId: 'req_fake_000001' });
    expect(response.incompleteReason).toBeUndefined();
    expect(response.usage.inputTokens).toBeGreaterThan(0);
  });

  it('maps a repair transcript to tool_use and an is_error tool_result', async () => {
    const { fake, transport } = await start();
    fake.script(TRIAGE_TOOL, { reply: VALID_TRIAGE });
    const transcript = [
      { role: 'user', text: 'Lead: Ada' },
      { role: 'assistant_tool_use', toolUseId: 'toolu_earlier', input: { category: 'x' } },
      { role: 'tool_error', toolUseId: 'toolu_earlier', text: 'Fix: category' },
    ] as const;
    await transport.send(triageTransportRequest({ transcript }));
    expect((fake.requests[0]?.body as { messages: unknown }).messages).toEqual([
      { role: 'user', content: 'Lead: Ada' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_earlier', name: TRIAGE_TOOL, input: { category: 'x' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_earlier', content: 'Fix: category', is_error: true }] },
    ]);
  });

  it('reports an answer without the tool call, with an id the repair turn can use', async () => {
    const { fake, transport } = await start();
    fake.script(TRIAGE_TOOL, { text: 'Happy to help!' });
    const response = await transport.send(triageTransportRequest());
    expect(response.toolInput).toBeUndefined();
    expect(response.toolUseId).toMatch(/^toolu_baton_[0-9a-f]{32}$/);
  });

  it('marks an answer cut off at max_tokens as incomplete', async () => {
    const { fake, transport } = await start();
    fake.script(TRIAGE_TOOL, { maxTokens: { category: 'hot' } });
    const response = await transport.send(triageTransportRequest({ maxOutputTokens: 32 }));
    expect(response.toolInput).toEqual({ category: 'hot' });
    expect(response.incompleteReason).toMatch(/^the answer was cut off at max_tokens \(32 output tokens\)/);
  });

  it('honours retry-after given as an HTTP date, and retry-after-ms over retry-after', async () => {
    const { fake, transport, waits } = await start();
    const inThreeSeconds = new Date(Date.now() + 3_000).toUTCString();
    fake.script(
      TRIAGE_TOOL,
      { error: 429, headers: { 'retry-after': inThreeSeconds } },
      { error: 429, retryAfterSeconds: 9, headers: { 'retry-after-ms': '1500' } },
      { reply: VALID_TRIAGE },
    );
    await transport.send(triageTransportRequest());
    expect(waits[0]).toBeGreaterThan(1_000);
    expect(waits[0]).toBeLessThanOrEqual(3_000);
    expect(waits[1]).toBe(1_500);
  });

  it('hands a retry-after longer than a minute back to the caller instead of sleeping through it', async () => {
    const { fake, transport, waits } = await start();
    fake.script(TRIAGE_TOOL, { error: 429, retryAfterSeconds: 120 }, { reply: VALID_TRIAGE });
    const error = await batonErrorOf(transport.send(triageTransportRequest()));
    expect(error.code).toBe('model_rate_limited');
    expect(error.details).toMatchObject({ status: 429, attempts: 1, retryAfterMs: 120_000 });
    expect(waits).toEqual([]);
  });

  it('respects x-should-retry: false from the API', async () => {
    const { fake, transport } = await start();
    fake.script(TRIAGE_TOOL, { error: 529, headers: { 'x-should-retry': 'false' } }, { reply: VALID_TRIAGE });
    expect((await batonErrorOf(transport.send(triageTransportRequest()))).code).toBe('model_overloaded');
    expect(fake.requests).toHaveLength(1);
  });

  it('stops after BATON_MODEL_MAX_ATTEMPTS attempts', async () => {
    const { fake, transport } = await start({ env: { BATON_MODEL_MAX_ATTEMPTS: '1' } });
    fake.script(TRIAGE_TOOL, { error: 503 }, { reply: VALID_TRIAGE });
    const error = await batonErrorOf(transport.send(triageTransportRequest()));
    expect(error.details).toMatchObject({ status: 503, attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it('says to check ANTHROPIC_API_KEY when the key is refused, without retrying', async () => {
    const { fake, transport } = await start({ env: { ANTHROPIC_API_KEY: 'sk-ant-wrong' } });
    const error = await batonErrorOf(transport.send(triageTransportRequest()));
    expect(error.code).toBe('model_request_rejected');
    expect(error.message).toContain('check ANTHROPIC_API_KEY');
    expect(error.details).toMatchObject({ status: 401, attempts: 1, requestId: 'req_fake_000001' });
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a dropped connection', async () => {
    const { fake, transport } = await start();
    fake.script(TRIAGE_TOOL, { disconnect: true }, { reply: VALID_TRIAGE });
    expect((await transport.send(triageTransportRequest())).toolInput).toEqual(VALID_TRIAGE);
    expect(fake.requests).toHaveLength(2);
  });

  it('fails with model_unavailable naming ANTHROPIC_BASE_URL when nothing listens there', async () => {
    const { fake, transport } = await start();
    await fake.close();
    const error = await batonErrorOf(transport.send(triageTransportRequest()));
    expect(error.code).toBe('model_unavailable');
    expect(error.message).toContain('check ANTHROPIC_BASE_URL');
    expect(error.details).toMatchObject({ status: null, attempts: 3 });
  });

  it('retries a 200 with a malformed body, then ends in a clear model_unavailable', async () => {
    const { fake, transport } = await start();
    fake.script(TRIAGE_TOOL, { malformedJson: true }, { malformedJson: true }, { malformedJson: true });
    const error = await batonErrorOf(transport.send(triageTransportRequest()));
    expect(error.code).toBe('model_unavailable');
    expect(error.message).toContain('answered 200 with a body that is not valid JSON');
    expect(error.details).toMatchObject({ attempts: 3, requestId: 'req_fake_000003' });
  });

  it('recovers when a malformed body is followed by a good one', async () => {
    const { fake, transport } = await start();
    fake.script(TRIAGE_TOOL, { malformedJson: true }, { reply: VALID_TRIAGE });
    expect((await transport.send(triageTransportRequest())).toolInput).toEqual(VALID_TRIAGE);
  });

  it('logs each retry at warn with the status, attempt and wait', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const { fake, transport } = await start({ logger: createLogger({ level: 'warn', destination }) });
    fake.script(TRIAGE_TOOL, { error: 529 }, { error: 429, retryAfterSeconds: 1 }, { reply: VALID_TRIAGE });
    await transport.send(triageTransportRequest());
    const retries = lines.filter((line) => line['msg'] === 'model call failed; retrying');
    expect(retries).toMatchObject([
      { level: 'warn', agent: 'triage', status: 529, code: 'model_overloaded', attempt: 1, maxAttempts: 3, waitMs: 250 },
      { level: 'warn', agent: 'triage', status: 429, code: 'model_rate_limited', attempt: 2, maxAttempts: 3, waitMs: 1_000 },
    ]);
  });

  it('cancels a wait for retry-after as soon as the caller aborts', async () => {
    const { fake, transport } = await start({ realSleep: true });
    fake.script(TRIAGE_TOOL, { error: 429, retryAfterSeconds: 10 }, { reply: VALID_TRIAGE });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 100);
    const started = performance.now();
    const error = await batonErrorOf(transport.send(triageTransportRequest({ signal: controller.signal })));
    expect(error.code).toBe('cancelled');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(fake.requests).toHaveLength(1);
  });

  it('fails at once with cancelled when the caller aborted before the call', async () => {
    const { fake, transport } = await start();
    const error = await batonErrorOf(transport.send(triageTransportRequest({ signal: AbortSignal.abort() })));
    expect(error.code).toBe('cancelled');
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a tool schema that is not a JSON object before calling the API', async () => {
    const { fake, transport } = await start();
    const tool = { name: TRIAGE_TOOL, description: 'd', inputSchema: { type: 'string' } };
    expect((await batonErrorOf(transport.send(triageTransportRequest({ tool })))).code).toBe('internal');
    expect(fake.requests).toHaveLength(0);
  });

  it('asks for ANTHROPIC_API_KEY when created without one', () => {
    const config = loadConfig({ BATON_MODEL: 'offline' }).model;
    expect(() => createAnthropicTransport({ config, logger: createLogger({ level: 'silent' }) })).toThrow(/ANTHROPIC_API_KEY/);
  });
});
