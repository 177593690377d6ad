import type { ModelPrice } from '../config.js';
import type { ModelUsage } from './model-types.js';

export const ZERO_USAGE: ModelUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

export function addUsage(left: ModelUsage, right: ModelUsage): ModelUsage {
  return {
    inputTokens: left.inputTokens + right.inputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
    cacheReadTokens: left.cacheReadTokens + right.cacheReadTokens,
    cacheWriteTokens: left.cacheWriteTokens + right.cacheWriteTokens,
  };
}

/** Dollars for one call's usage at `price` (USD per million tokens); an unpriced model costs 0 and is logged by the caller. */
export function costOf(usage: ModelUsage, price: ModelPrice | undefined): number {
  if (price === undefined) return 0;
  const dollars =
    usage.inputTokens * price.input +
    usage.outputTokens * price.output +
    usage.cacheWriteTokens * price.cacheWrite +
    usage.cacheReadTokens * price.cacheRead;
  return dollars / 1_000_000;
}
