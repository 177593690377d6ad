import { createHash } from 'node:crypto';

/** The same value always gives the same text, whatever the key order it was built with. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  // JSON.stringify gives undefined for undefined and functions, despite its declared type.
  return value === undefined || typeof value === 'function' ? 'null' : JSON.stringify(value);
}

/**
 * Names exactly what a reviewer saw: a decision carries it back, and a decision on another
 * version of the item (a stale card, a payload changed since) is refused.
 */
export function fingerprintOf(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('hex').slice(0, 32);
}
