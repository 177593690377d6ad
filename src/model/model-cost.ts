import type { ModelPrice } from '../config.js';
import type { ModelUsage } from './model-types.js';

export const ZERO_USAGE: ModelUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

/** Anthropic's list price for one server-side web search ($10 per 1,000), on top of tokens; override per model with `webSearch` in BATON_MODEL_PRICES. */
export const DEFAULT_WEB_SEARCH_PRICE_USD = 0.01;

export function addUsage(left: ModelUsage, right: ModelUsage): ModelUsage {
  const webSearchRequests = (left.webSearchRequests ?? 0) + (right.webSearchRequests ?? 0);
  return {
    inputTokens: left.inputTokens + right.inputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
    cacheReadTokens: left.cacheReadTokens + right.cacheReadTokens,
    cacheWriteTokens: left.cacheWriteTokens + right.cacheWriteTokens,
    ...(webSearchRequests > 0 ? { webSearchRequests } : {}),
  };
}

/**
 * Dollars for one call's usage at `price` (USD per million tokens, and per search). An unpriced
 * model's tokens cost 0 and are logged by the caller; its searches still cost the list price,
 * since that price does not depend on the model.
 */
export function costOf(usage: ModelUsage, price: ModelPrice | undefined): number {
  const searches = (usage.webSearchRequests ?? 0) * (price?.webSearch ?? DEFAULT_WEB_SEARCH_PRICE_USD);
  if (price === undefined) return searches;
  const dollars =
    usage.inputTokens * price.input +
    usage.outputTokens * price.output +
    usage.cacheWriteTokens * price.cacheWrite +
    usage.cacheReadTokens * price.cacheRead;
  return dollars / 1_000_000 + searches;
}
