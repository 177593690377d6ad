import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PRICES } from '../../config.js';
import { estimateCallCostUsd } from './estimate-call-cost.js';
import { formatUsd, toMicros } from './micro-dollars.js';

describe('estimateCallCostUsd', () => {
  it('bounds a call by a token per four input characters and every allowed output token', () => {
    const price = DEFAULT_MODEL_PRICES['claude-haiku-5-5'];
    // 1,000 input tokens at the cache-write price ($1.25/M) and 1,000 output tokens at $5/M.
    expect(estimateCallCostUsd({ price, inputCharacters: 4_000, maxOutputTokens: 1_000 })).toBeCloseTo(0.00625, 12);
    expect(estimateCallCostUsd({ price, inputCharacters: 1, maxOutputTokens: 0 })).toBeCloseTo(0.00000125, 12);
  });

  it('estimates an unpriced model at nothing, as its cost is counted', () => {
    expect(estimateCallCostUsd({ price: undefined, inputCharacters: 4_000, maxOutputTokens: 1_000 })).toBe(0);
  });
});

describe('micro-dollars', () => {
  it('round dollars to whole micro-dollars and print cents, or two digits under a cent', () => {
    expect(toMicros(0.1 + 0.2)).toBe(300_000);
    expect(formatUsd(4.98)).toBe('$4.98');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.00042)).toBe('$0.00042');
  });
});
