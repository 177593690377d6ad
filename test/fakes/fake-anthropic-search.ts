import type { FakeSearch, FakeSearchResult } from './fake-anthropic-types.js';
import { isJsonObject, WEB_SEARCH_TOOL_TYPES } from './fake-anthropic-validation.js';

export interface SearchTurn {
  /** `server_tool_use` and `web_search_tool_result` pairs, then a text block citing the first page found. */
  readonly blocks: readonly object[];
  /** Searches that ran; failed ones are not billed, as with the real API. */
  readonly webSearchRequests: number;
}

/** The web search tool a request offers, or undefined. */
export function offeredWebSearch(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const tools = Array.isArray(body['tools']) ? body['tools'].filter(isJsonObject) : [];
  return tools.find((tool) => (WEB_SEARCH_TOOL_TYPES as readonly unknown[]).includes(tool['type']));
}

/** What the fake model's searches leave in its answer; `sequence` makes the ids unique per response. */
export function searchTurn(searches: readonly FakeSearch[], tool: Record<string, unknown>, sequence: number): SearchTurn {
  const maxUses = typeof tool['max_uses'] === 'number' ? tool['max_uses'] : Number.POSITIVE_INFINITY;
  const blocks: object[] = [];
  const found: FakeSearchResult[] = [];
  let webSearchRequests = 0;
  for (const [index, search] of searches.entries()) {
    const id = `srvtoolu_fake_${sequence}_${index + 1}`;
    const errorCode = index >= maxUses ? 'max_uses_exceeded' : search.errorCode;
    blocks.push({ type: 'server_tool_use', id, name: 'web_search', input: { query: search.query }, caller: { type: 'direct' } });
    if (errorCode !== undefined) {
      blocks.push({ type: 'web_search_tool_result', tool_use_id: id, caller: { type: 'direct' }, content: { type: 'web_search_tool_result_error', error_code: errorCode } });
      continue;
    }
    webSearchRequests += 1;
    const results = search.results ?? exampleResults(search.query);
    found.push(...results);
    blocks.push({ type: 'web_search_tool_result', tool_use_id: id, caller: { type: 'direct' }, content: results.map(toResultBlock) });
  }
  const first = found[0];
  if (first !== undefined) blocks.push(citingText(first));
  return { blocks, webSearchRequests };
}

function exampleResults(query: string): FakeSearchResult[] {
  const slug = query.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'query';
  return [
    { url: `https://example.com/news/${slug}`, title: `News: ${query}`, pageAge: '2 days ago' },
    { url: `https://example.com/profile/${slug}`, title: `Profile: ${query}`, pageAge: 'March 3, 2026' },
  ];
}

function toResultBlock(result: FakeSearchResult): object {
  return {
    type: 'web_search_result',
    url: result.url,
    title: result.title,
    page_age: result.pageAge ?? null,
    encrypted_content: Buffer.from(`fake page content of ${result.url}`).toString('base64'),
  };
}

function citingText(result: FakeSearchResult): object {
  return {
    type: 'text',
    text: `According to ${result.title}, the company is covered.`,
    citations: [
      {
        type: 'web_search_result_location',
        url: result.url,
        title: result.title,
        cited_text: `${result.title} covers the company.`,
        encrypted_index: Buffer.from(result.url).toString('base64'),
      },
    ],
  };
}
