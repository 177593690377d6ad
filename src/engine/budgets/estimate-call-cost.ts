import type { ModelPrice } from '../../config.js';

export interface CallCostEstimateInput {
  readonly price: ModelPrice | undefined;
  /** Characters of everything sent: system prompt, input, any repair transcript. */
  readonly inputCharacters: number;
  readonly maxOutputTokens: number;
}

/**
 * An upper bound on one model call's cost in dollars, for the budget check before the call:
 * a token per four characters of input, and every allowed output token. Input is priced at the
 * higher of the input and cache-write prices, because the model client marks the system prompt
 * for caching and a cache write costs more than plain input. An unpriced model estimates 0,
 * as `costOf` charges it 0; the caller logs that the model has no price.
 */
export function estimateCallCostUsd(input: CallCostEstimateInput): number {
  const { price } = input;
  if (price === undefined) return 0;
  const inputTokens = Math.ceil(Math.max(0, input.inputCharacters) / 4);
  const inputPrice = Math.max(price.input, price.cacheWrite);
  return (inputTokens * inputPrice + Math.max(0, input.maxOutputTokens) * price.output) / 1_000_000;
}
