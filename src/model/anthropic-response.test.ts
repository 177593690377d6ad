import { describe, expect, it } from 'vitest';
import { readMessage } from './anthropic-response.js';

const OPTIONS = { toolName: 'submit_funding_research', maxOutputTokens: 2048, requestId: 'req_1' };
const USAGE = { input_tokens: 900, output_tokens: 120, cache_creation_input_tokens: 0, cache_read_input_tokens: 400 };

const search = { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'acme series b' }, caller: { type: 'direct' } };
const results = {
  type: 'web_search_tool_result',
  tool_use_id: 'srvtoolu_1',
  content: [
    { type: 'web_search_result', url: 'https://example.com/acme-b', title: 'Acme raises $40M', page_age: '3 days ago', encrypted_content: 'eyJ' },
    { type: 'web_search_result', url: 'https://example.com/acme', title: 'Acme profile', page_age: null, encrypted_content: 'eyK' },
  ],
};
const cited = {
  type: 'text',
  text: 'Acme raised a $40M Series B.',
  citations: [
    { type: 'web_search_result_location', url: 'https://example.com/acme-b', title: 'Acme raises $40M', cited_text: '$40M', encrypted_index: 'Eo8' },
    { type: 'web_search_result_location', url: 'https://example.com/press', title: 'Press', cited_text: 'B', encrypted_index: 'Ep9' },
  ],
};
const answer = { type: 'tool_use', id: 'toolu_9', name: 'submit_funding_research', input: { noDataFound: false } };

function message(content: unknown[], stopReason: string, usage: object = USAGE) {
  return { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-5-5', content, stop_reason: stopReason, stop_sequence: null, usage };
}

describe('readMessage with web search blocks', () => {
  it('reads the output tool call after searches, with the pages found and cited, the prose and the searches run', () => {
    const response = readMessage(message([search, results, cited, answer], 'tool_use', { ...USAGE, server_tool_use: { web_search_requests: 1 } }), OPTIONS);
    expect(response).toMatchObject({ toolInput: { noDataFound: false }, toolUseId: 'toolu_9', text: 'Acme raised a $40M Series B.' });
    expect(response.incompleteReason).toBeUndefined();
    expect(response.usage).toEqual({ inputTokens: 900, outputTokens: 120, cacheReadTokens: 400, cacheWriteTokens: 0, webSearchRequests: 1 });
    expect(response.searchResults).toEqual([
      { url: 'https://example.com/acme-b', title: 'Acme raises $40M', pageAge: '3 days ago' },
      { url: 'https://example.com/acme', title: 'Acme profile', pageAge: undefined },
      { url: 'https://example.com/press', title: 'Press', pageAge: undefined },
    ]);
    expect(response.pausedContent).toBeUndefined();
  });

  it('reports a response that searched but never called the output tool, for the repair turn', () => {
    const response = readMessage(message([search, results, cited], 'end_turn', { ...USAGE, server_tool_use: { web_search_requests: 1 } }), OPTIONS);
    expect(response.toolInput).toBeUndefined();
    expect(response.toolUseId).toMatch(/^toolu_baton_/);
    expect(response.usage.webSearchRequests).toBe(1);
  });

  it('keeps the error code of a failed search and counts no request when none ran', () => {
    const failed = { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: { type: 'web_search_tool_result_error', error_code: 'max_uses_exceeded' } };
    const response = readMessage(message([search, failed, answer], 'tool_use', { ...USAGE, server_tool_use: { web_search_requests: 0 } }), OPTIONS);
    expect(response.searchErrors).toEqual(['max_uses_exceeded']);
    expect(response.searchResults).toBeUndefined();
    expect(response.usage).not.toHaveProperty('webSearchRequests');
  });

  it('hands back the content of a paused turn so it can be continued, and marks it incomplete', () => {
    const content = [search, results];
    const response = readMessage(message(content, 'pause_turn'), OPTIONS);
    expect(response.pausedContent).toEqual(content);
    expect(response.incompleteReason).toMatch(/pause_turn/);
  });

  it('accepts an output tool call even in a paused turn', () => {
    const response = readMessage(message([search, results, answer], 'pause_turn'), OPTIONS);
    expect(response.pausedContent).toBeUndefined();
    expect(response.incompleteReason).toBeUndefined();
    expect(response.toolInput).toEqual({ noDataFound: false });
  });
});
