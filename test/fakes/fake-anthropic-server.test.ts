import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeAnthropicServer } from './fake-anthropic-server.js';
import { tokensOf } from './fake-anthropic-usage.js';

const TOOL = { name: 'submit_triage', description: 'Submit the triage', input_schema: { type: 'object', properties: {} } };
const SYSTEM = [{ type: 'text', text: 'You triage inbound leads.', cache_control: { type: 'ephemeral' } }];

/** The parts of a response body these tests read. */
interface WireBody {
  readonly error: { readonly type: string; readonly message: string };
  readonly content: readonly { readonly input?: unknown }[];
  readonly usage: { readonly input_tokens: number };
}

function messagesBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'claude-haiku-5-5',
    max_tokens: 256,
    system: SYSTEM,
    messages: [{ role: 'user', content: 'Lead: Ada at Example Ltd' }],
    tools: [TOOL],
    tool_choice: { type: 'tool', name: TOOL.name },
    ...overrides,
  };
}

describe('FakeAnthropicServer', () => {
  let fake: FakeAnthropicServer;

  beforeEach(async () => {
    fake = new FakeAnthropicServer();
    await fake.start();
  });
  afterEach(async () => {
    await fake.close();
  });

  async function post(body: unknown, headers: Record<string, string> = { 'x-api-key': 'test-key' }) {
    const response = await fetch(`${fake.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2026-10-21', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as WireBody };
  }

  it('answers a scripted reply as a forced tool_use message with a request-id header', async () => {
    fake.script(TOOL.name, { reply: { category: 'hot' } });
    const response = await post(messagesBody());
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    expect(response.json()).toMatchObject({
      id: expect.stringMatching(/^msg_/),
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-5-5',
      content: [{ type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: TOOL.name, input: { category: 'hot' } }],
      stop_reason: 'tool_use',
      stop_sequence: null,
    });
  });

  it('answers text steps with end_turn and maxTokens steps with max_tokens', async () => {
    fake.script(TOOL.name, { text: 'I would rather chat.' }, { maxTokens: { category: 'ho' } });
    expect((await post(messagesBody())).json()).toMatchObject({ content: [{ type: 'text', text: 'I would rather chat.' }], stop_reason: 'end_turn' });
    expect((await post(messagesBody())).json()).toMatchObject({ content: [{ input: { category: 'ho' } }], stop_reason: 'max_tokens' });
  });

  it('accepts the key as x-api-key or Authorization: Bearer and rejects a wrong key with 401', async () => {
    fake.respond(TOOL.name, () => ({ reply: {} }));
    expect((await post(messagesBody(), { 'x-api-key': 'test-key' })).status).toBe(200);
    expect((await post(messagesBody(), { authorization: 'Bearer test-key' })).status).toBe(200);
    const rejected = await post(messagesBody(), { authorization: 'Bearer wrong' });
    expect(rejected.status).toBe(401);
    expect(rejected.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' }, request_id: rejected.headers.get('request-id') });
  });

  it('rejects requests without an anthropic-version header', async () => {
    const response = await fetch(`${fake.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'test-key', 'content-type': 'application/json' },
      body: JSON.stringify(messagesBody()),
    });
    expect(response.status).toBe(400);
  });

  it.each([
    ['model', { model: undefined }, /^model:/],
    ['max_tokens', { max_tokens: undefined }, /^max_tokens:/],
    ['messages', { messages: [] }, /^messages:/],
    ['an unknown forced tool', { tool_choice: { type: 'tool', name: 'submit_other' } }, /Tool 'submit_other' not found/],
    ['an orphan tool_result', { messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_x', content: 'no' }] }] }, /unexpected tool_use_id/],
  ])('answers 400 invalid_request_error for a body with %s', async (_label, overrides, message) => {
    const response = await post(messagesBody(overrides));
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringMatching(message) } });
  });

  it('injects 429 with retry-after, 529 overloaded and 500 api errors', async () => {
    fake.script(TOOL.name, { error: 429, retryAfterSeconds: 7 }, { error: 529 }, { error: 500 });
    const limited = await post(messagesBody());
    expect([limited.status, limited.headers.get('retry-after'), limited.json().error.type]).toEqual([429, '7', 'rate_limit_error']);
    const overloaded = await post(messagesBody());
    expect([overloaded.status, overloaded.json().error.type]).toEqual([529, 'overloaded_error']);
    const failed = await post(messagesBody());
    expect([failed.status, failed.json().error.type]).toEqual([500, 'api_error']);
  });

  it('sends a 200 with a broken JSON body for malformedJson', async () => {
    fake.script(TOOL.name, { malformedJson: true });
    const response = await post(messagesBody());
    expect(response.status).toBe(200);
    expect(() => response.json()).toThrow(SyntaxError);
  });

  it('waits delayMs before answering a slow step', async () => {
    fake.script(TOOL.name, { delayMs: 120, then: { reply: { ok: true } } });
    const started = performance.now();
    const response = await post(messagesBody());
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect(response.json()).toMatchObject({ content: [{ input: { ok: true } }] });
  });

  it('drops the connection for a disconnect step', async () => {
    fake.script(TOOL.name, { disconnect: true });
    await expect(post(messagesBody())).rejects.toThrow();
  });

  it('falls back to the default responder, then to a 400 naming the unscripted tool', async () => {
    fake.script(TOOL.name, { reply: { call: 1 } }).respond(TOOL.name, (request) => ({ reply: { seen: request.toolName } }));
    expect((await post(messagesBody())).json().content[0]?.input).toEqual({ call: 1 });
    expect((await post(messagesBody())).json().content[0]?.input).toEqual({ seen: TOOL.name });
    expect(fake.pendingSteps(TOOL.name)).toBe(0);
    const tool = { ...TOOL, name: 'submit_unknown' };
    const unscripted = await post(messagesBody({ tools: [tool], tool_choice: { type: 'tool', name: tool.name } }));
    expect(unscripted.json().error.message).toContain('no scripted step or responder for tool "submit_unknown"');
  });

  it('reports cache creation on the first call with a cached system prompt and cache reads after', async () => {
    fake.respond(TOOL.name, () => ({ reply: {} }));
    const prefixTokens = tokensOf(JSON.stringify([TOOL]) + SYSTEM[0]!.text);
    const first = (await post(messagesBody())).json().usage;
    const second = (await post(messagesBody())).json().usage;
    expect(first).toMatchObject({ cache_creation_input_tokens: prefixTokens, cache_read_input_tokens: 0 });
    expect(second).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: prefixTokens });
    expect(second.input_tokens).toBe(first.input_tokens);
    const uncached = (await post(messagesBody({ system: 'You triage inbound leads.' }))).json().usage;
    expect(uncached).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0, input_tokens: first.input_tokens + prefixTokens });
  });

  describe('web search', () => {
    const SEARCH_TOOL = { type: 'web_search_20250305', name: 'web_search', max_uses: 2 };
    const searchBody = (tool: object = SEARCH_TOOL) => messagesBody({ tools: [TOOL, tool], tool_choice: { type: 'auto' } });
    interface SearchBody {
      readonly content: readonly Record<string, unknown>[];
      readonly stop_reason: string;
      readonly usage: { readonly server_tool_use?: { readonly web_search_requests: number } };
    }

    it('answers a searching step with server_tool_use and results before the tool_use, keyed by the only client tool', async () => {
      fake.script(TOOL.name, { searches: [{ query: 'Example Ltd' }], then: { reply: { category: 'hot' } } });
      const response = await post(searchBody());
      expect(response.status).toBe(200);
      const body = JSON.parse(response.text) as SearchBody;
      expect(body.content.map((block) => block['type'])).toEqual(['server_tool_use', 'web_search_tool_result', 'text', 'tool_use']);
      expect(body.content[0]).toMatchObject({ id: 'srvtoolu_fake_1_1', name: 'web_search', input: { query: 'Example Ltd' } });
      expect(body.content[1]).toMatchObject({
        tool_use_id: 'srvtoolu_fake_1_1',
        content: [
          { type: 'web_search_result', url: 'https://example.com/news/example-ltd', title: 'News: Example Ltd', page_age: '2 days ago', encrypted_content: expect.any(String) },
          { type: 'web_search_result', url: 'https://example.com/profile/example-ltd' },
        ],
      });
      expect(body.content[2]).toMatchObject({ citations: [{ type: 'web_search_result_location', url: 'https://example.com/news/example-ltd' }] });
      expect(body.content[3]).toMatchObject({ type: 'tool_use', name: TOOL.name, input: { category: 'hot' } });
      expect(body.stop_reason).toBe('tool_use');
      expect(body.usage.server_tool_use).toEqual({ web_search_requests: 1, web_fetch_requests: 0 });
    });

    it('fails searches past max_uses with max_uses_exceeded, unbilled, and pauses a turn on pauseTurn', async () => {
      fake.script(TOOL.name, { searches: [{ query: 'a' }, { query: 'b' }, { query: 'c', errorCode: 'unavailable' }], then: { pauseTurn: true } });
      const body = JSON.parse((await post(searchBody())).text) as SearchBody;
      const errors = body.content.filter((block) => block['type'] === 'web_search_tool_result' && !Array.isArray(block['content']));
      expect(errors).toEqual([expect.objectContaining({ content: { type: 'web_search_tool_result_error', error_code: 'max_uses_exceeded' } })]);
      expect(body.usage.server_tool_use?.web_search_requests).toBe(2);
      expect(body.stop_reason).toBe('pause_turn');
    });

    it.each([
      ['an unknown tool version', { type: 'web_search_20990101', name: 'web_search' }, /tools\.1: Input tag 'web_search_20990101' found using 'type' does not match any of the expected tags: 'custom', 'web_search_20250305'/],
      ['a wrong name', { ...SEARCH_TOOL, name: 'search' }, /tools\.1\.name: Input should be 'web_search'/],
      ['max_uses of 0', { ...SEARCH_TOOL, max_uses: 0 }, /tools\.1\.max_uses/],
      ['a domain with a scheme', { ...SEARCH_TOOL, allowed_domains: ['https://example.com'] }, /tools\.1\.allowed_domains/],
      ['allowed and blocked domains together', { ...SEARCH_TOOL, allowed_domains: ['a.com'], blocked_domains: ['b.com'] }, /cannot be used together/],
    ])('answers 400 invalid_request_error for a web search tool with %s', async (_label, tool, message) => {
      fake.script(TOOL.name, { reply: {} });
      const response = await post(searchBody(tool));
      expect(response.status).toBe(400);
      expect(response.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringMatching(message) } });
    });

    it('refuses a version the configured API does not know', async () => {
      const older = new FakeAnthropicServer({ webSearchToolTypes: ['web_search_20260209'] });
      await older.start();
      try {
        const response = await fetch(`${older.url}/v1/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'anthropic-version': '2026-10-21', 'x-api-key': 'test-key' },
          body: JSON.stringify(searchBody()),
        });
        expect(response.status).toBe(400);
        expect(await response.text()).toContain("Input tag 'web_search_20250305'");
      } finally {
        await older.close();
      }
    });
  });

  it('records every request with its headers, parsed body and tool name', async () => {
    fake.respond(TOOL.name, () => ({ reply: {} }));
    await post(messagesBody(), { authorization: 'Bearer wrong' });
    await post(messagesBody());
    expect(fake.requests).toHaveLength(2);
    expect(fake.requestsFor(TOOL.name)[1]).toMatchObject({
      method: 'POST',
      path: '/v1/messages',
      headers: { 'x-api-key': 'test-key', 'anthropic-version': '2026-10-21' },
      body: { system: SYSTEM, tool_choice: { type: 'tool', name: TOOL.name } },
    });
  });
});
