import { describe, expect, it } from 'vitest';
import { addUsage, costOf, DEFAULT_WEB_SEARCH_PRICE_USD, ZERO_USAGE } from './model-cost.js';

const SONNET = { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 };
const tokens = { inputTokens: 1_000_000, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

describe('web search cost', () => {
  it('adds $10 per 1,000 searches on top of the tokens by default', () => {
    expect(DEFAULT_WEB_SEARCH_PRICE_USD).toBe(0.01);
    expect(costOf({ ...tokens, webSearchRequests: 3 }, SONNET)).toBeCloseTo(3 + 0.03, 12);
    expect(costOf(tokens, SONNET)).toBe(3);
  });

  it('uses the configured price per search', () => {
    expect(costOf({ ...ZERO_USAGE, webSearchRequests: 4 }, { ...SONNET, webSearch: 0.025 })).toBeCloseTo(0.1, 12);
  });

  it('still charges the searches of a model with no token price', () => {
    expect(costOf({ ...tokens, webSearchRequests: 2 }, undefined)).toBeCloseTo(0.02, 12);
  });

  it('adds searches across calls and leaves the count out when there were none', () => {
    expect(addUsage({ ...ZERO_USAGE, webSearchRequests: 2 }, { ...ZERO_USAGE, webSearchRequests: 1 }).webSearchRequests).toBe(3);
    expect(addUsage(ZERO_USAGE, ZERO_USAGE)).toEqual(ZERO_USAGE);
  });
});
