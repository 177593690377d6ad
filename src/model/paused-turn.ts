import { addUsage } from './model-cost.js';
import type { TransportRequest, TransportResponse } from './model-types.js';
import type { WebSearchResult } from './web-search-options.js';

/**
 * The request that continues a turn the API paused (`stop_reason: "pause_turn"`, a long run of
 * server-side searches): the same request with the paused content appended as the assistant's
 * message, sent back unchanged so the model picks up where it stopped.
 */
export function continuationOf(request: TransportRequest, pausedContent: readonly unknown[]): TransportRequest {
  return { ...request, transcript: [...request.transcript, { role: 'assistant_content', content: pausedContent }] };
}

/** One response for the whole turn: the continuation's answer, with both parts' usage and searches. */
export function joinPausedTurn(paused: TransportResponse, continued: TransportResponse): TransportResponse {
  const searchResults = uniqueByUrl([...(paused.searchResults ?? []), ...(continued.searchResults ?? [])]);
  const searchErrors = [...(paused.searchErrors ?? []), ...(continued.searchErrors ?? [])];
  const text = [paused.text, continued.text].filter((part) => part !== undefined).join('\n');
  return {
    ...continued,
    usage: addUsage(paused.usage, continued.usage),
    ...(searchResults.length === 0 ? {} : { searchResults }),
    ...(searchErrors.length === 0 ? {} : { searchErrors }),
    ...(text === '' ? {} : { text }),
  };
}

export function uniqueByUrl(results: readonly WebSearchResult[]): WebSearchResult[] {
  const byUrl = new Map<string, WebSearchResult>();
  for (const result of results) if (!byUrl.has(result.url)) byUrl.set(result.url, result);
  return [...byUrl.values()];
}
