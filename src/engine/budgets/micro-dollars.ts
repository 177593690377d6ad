/**
 * The ledgers hold whole micro-dollars and Redis adds them with INCRBY: a hundred increments of
 * $0.01 in floating point (INCRBYFLOAT) drift off $1.00, and a budget check at the edge of a
 * limit must not depend on that drift. Dollars exist only at the edges.
 */
const MICROS_PER_USD = 1_000_000;

export function toMicros(usd: number): number {
  return Math.round(usd * MICROS_PER_USD);
}

export function fromMicros(micros: number): number {
  return micros / MICROS_PER_USD;
}

/** `$4.98`; amounts under a cent keep two significant digits (`$0.00042`) rather than read `$0.00`. */
export function formatUsd(usd: number): string {
  if (usd === 0 || Math.abs(usd) >= 0.01) return `$${usd.toFixed(2)}`;
  return `$${String(Number(usd.toPrecision(2)))}`;
}
