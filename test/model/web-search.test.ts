import { Writable } from 'node:stream';
import Anthropic, { BadRequestError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PRICES } from '../../src/config.js';
import { createLogger, withTrace } from '../../src/logging/index.js';
import type { ModelUsage } from '../../src/model/index.js';
import {
  batonErrorOf,
  TRIAGE_TOOL,
  triageRequest,
  triageTransportRequest,
  VALID_TRIAGE,
  useModelHarness,
  type ModelHarness,
} from './model-harness.js';

interface SentBody {
  readonly tools: readonly Record<string, unknown>[];
  readonly tool_choice: unknown;
  readonly messages: readonly { readonly role: string; readonly content: unknown }[];
}

const WEB_SEARCH = { maxUses: 3 } as const;
const HAIKU = DEFAULT_MODEL_PRICES['claude-haiku-5-5']!;
const tokenDollars = (usage: ModelUsage) =>
  (usage.inputTokens * HAIKU.input + usage.outputTokens * HAIKU.output + usage.cacheWriteTokens * HAIKU.cacheWrite + usage.cacheReadTokens * HAIKU.cacheRead) / 1e6;

describe('web search through the Anthropic SDK and the fake Messages API', () => {
  const start = useModelHarness();
  const sent = (fake: ModelHarness['fake']) => fake.requests.map((request) => request.body as SentBody);

  it('searches, then answers through the output tool; returns the pages found and prices each search at $0.01', async () => {
    const { fake, client } = await start();
    fake.script(TRIAGE_TOOL, { searches: [{ query: 'Example Ltd demo request' }, { query: 'Example Ltd CTO' }], then: { reply: VALID_TRIAGE } });
    const result = await client.generate(triageRequest({ webSearch: WEB_SEARCH }));

    expect(result).toMatchObject({ value: VALID_TRIAGE, calls: 1 });
    expect(result.usage.webSearchRequests).toBe(2);
    expect(result.costUsd).toBeCloseTo(tokenDollars(result.usage) + 0.02, 12);
    expect(result.searchResults?.map((page) => page.url)).toEqual([
      'https://example.com/news/example-ltd-demo-request',
      'https://example.com/profile/example-ltd-demo-request',
      'https://example.com/news/example-ltd-cto',
      'https://example.com/profile/example-ltd-cto',
    ]);
    const [body] = sent(fake);
    expect(body?.tools[1]).toEqual({ type: 'web_search_20250305', name: 'web_search', max_uses: 3 });
    expect(body?.tool_choice).toEqual({ type: 'auto' });
  });

  it('prices searches from BATON_MODEL_PRICES when it sets webSearch', async () => {
    const prices = JSON.stringify({ 'claude-haiku-5-5': { ...HAIKU, webSearch: 0.05 } });
    const { fake, client } = await start({ env: { BATON_MODEL_PRICES: prices } });
    fake.script(TRIAGE_TOOL, { searches: [{ query: 'Example Ltd' }], then: { reply: VALID_TRIAGE } });
    const result = await client.generate(triageRequest({ webSearch: WEB_SEARCH }));
    expect(result.costUsd).toBeCloseTo(tokenDollars(result.usage) + 0.05, 12);
  });

  it('repairs a response that searched but did not call the output tool: forced tool, no search, the prose replayed', async () => {
    const { fake, client } = await start();
    fake.script(TRIAGE_TOOL, { searches: [{ query: 'Example Ltd' }], then: { text: 'Example Ltd looks like a hot lead.' } }, { reply: VALID_TRIAGE });
    const result = await client.generate(triageRequest({ webSearch: WEB_SEARCH }));

    expect(result).toMatchObject({ value: VALID_TRIAGE, calls: 2 });
    expect(result.usage.webSearchRequests).toBe(1);
    expect(result.costUsd).toBeCloseTo(tokenDollars(result.usage) + 0.01, 12);
    const repair = sent(fake)[1]!;
    expect(repair.tools.map((tool) => tool['name'])).toEqual([TRIAGE_TOOL]);
    expect(repair.tool_choice).toEqual({ type: 'tool', name: TRIAGE_TOOL });
    const replayed = JSON.stringify(repair.messages[1]);
    expect(replayed).toContain('According to News: Example Ltd');
    expect(replayed).toContain('Example Ltd looks like a hot lead.');
    expect(JSON.stringify(repair.messages[2])).toContain('no tool call was made');
  });

  it('continues a turn paused mid-search once, sending the paused content back unchanged', async () => {
    const { fake, client } = await start();
    fake.script(TRIAGE_TOOL, { searches: [{ query: 'Example Ltd' }], then: { pauseTurn: true } }, { searches: [{ query: 'Example Ltd hiring' }], then: { reply: VALID_TRIAGE } });
    const result = await client.generate(triageRequest({ webSearch: WEB_SEARCH }));

    expect(result).toMatchObject({ value: VALID_TRIAGE, calls: 1 });
    expect(result.usage.webSearchRequests).toBe(2);
    expect(result.searchResults).toHaveLength(4);
    const [first, continued] = sent(fake);
    expect(continued?.messages).toHaveLength(2);
    expect(continued?.messages[1]).toMatchObject({ role: 'assistant', content: [{ type: 'server_tool_use', id: 'srvtoolu_fake_1_1' }, { type: 'web_search_tool_result' }, { type: 'text' }] });
    expect(continued?.tools).toEqual(first?.tools);
  });

  it('sends a turn paused twice to the repair call instead of continuing again', async () => {
    const { fake, client } = await start();
    const paused = { searches: [{ query: 'Example Ltd' }], then: { pauseTurn: true } } as const;
    fake.script(TRIAGE_TOOL, paused, paused, { reply: VALID_TRIAGE });
    const result = await client.generate(triageRequest({ webSearch: WEB_SEARCH }));
    expect(result.calls).toBe(2);
    expect(fake.requests).toHaveLength(3);
    expect(JSON.stringify(sent(fake)[2]?.messages[2])).toContain('stop_reason \\"pause_turn\\"');
  });

  it('reports failed searches (past max_uses) without billing them', async () => {
    const { fake, transport } = await start();
    fake.script(TRIAGE_TOOL, { searches: [{ query: 'one' }, { query: 'two' }, { query: 'three' }], then: { reply: VALID_TRIAGE } });
    const response = await transport.send(triageTransportRequest({ webSearch: { maxUses: 2 } }));
    expect(response.usage.webSearchRequests).toBe(2);
    expect(response.searchErrors).toEqual(['max_uses_exceeded']);
  });

  it('logs the pages found at debug with the trace id', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const { fake, client } = await start({ logger: createLogger({ level: 'debug', destination }) });
    fake.script(TRIAGE_TOOL, { searches: [{ query: 'Example Ltd' }], then: { reply: VALID_TRIAGE } });
    await withTrace({ traceId: 'trace-web-search' }, () => client.generate(triageRequest({ webSearch: WEB_SEARCH })));
    expect(lines.find((line) => line['msg'] === 'web search results')).toMatchObject({
      level: 'debug',
      traceId: 'trace-web-search',
      agent: 'triage',
      webSearchRequests: 1,
      urls: ['https://example.com/news/example-ltd', 'https://example.com/profile/example-ltd'],
    });
  });

  it('fails with model_request_rejected, naming the tool version, when the API does not know the web search tool', async () => {
    const { fake, client } = await start({ fake: { webSearchToolTypes: ['web_search_20260209'] } });
    fake.script(TRIAGE_TOOL, { reply: VALID_TRIAGE });
    const error = await batonErrorOf(client.generate(triageRequest({ webSearch: WEB_SEARCH })));
    expect(error.code).toBe('model_request_rejected');
    expect(error.message).toContain("tools.1: Input tag 'web_search_20250305' found using 'type' does not match any of the expected tags");
    expect(error.details).toMatchObject({ status: 400, attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it('answers an unknown tool version with 400 invalid_request_error to the SDK itself', async () => {
    const { fake } = await start();
    const sdk = new Anthropic({ apiKey: 'test-key', baseURL: fake.url, maxRetries: 0 });
    const tools = [{ type: 'web_search_20990101', name: 'web_search' }] as unknown as Anthropic.Messages.ToolUnion[];
    const call = sdk.messages.create({ model: 'claude-haiku-5-5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }], tools });
    const error: unknown = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining("'web_search_20990101'") } });
  });

  it('refuses a scripted search when the request offers no web search tool, so a script cannot pass for a search', async () => {
    const { fake, client } = await start();
    fake.script(TRIAGE_TOOL, { searches: [{ query: 'Example Ltd' }], then: { reply: VALID_TRIAGE } });
    const error = await batonErrorOf(client.generate(triageRequest()));
    expect(error.message).toContain('offers no web_search tool');
  });
});
