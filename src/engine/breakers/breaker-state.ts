import { BatonError } from '../../errors/index.js';
import type { BreakerState } from './breaker-types.js';

/**
 * A breaker is one Redis hash: `failures` (consecutive), `openedAt` and `retryAt` (epoch ms,
 * present only while open or half-open) and `probeUntil` (the half-open probe's lease). A
 * missing hash is a closed breaker with no failures, so a success can simply delete it.
 */
export const STORED_FIELDS = ['failures', 'openedAt', 'retryAt'] as const;

export function closedState(name: string): BreakerState {
  return { name, state: 'closed', consecutiveFailures: 0, openedAt: null, retryAt: null };
}

/** Open until `retryAt`, half-open after it: the state follows the clock, nothing flips it. */
export function toBreakerState(name: string, fields: readonly (string | null)[], now: number): BreakerState {
  const [failures, openedAt, retryAt] = fields;
  const consecutiveFailures = failures == null ? 0 : Number(failures);
  if (openedAt == null || retryAt == null) return { ...closedState(name), consecutiveFailures };
  return {
    name,
    state: now < Number(retryAt) ? 'open' : 'half_open',
    consecutiveFailures,
    openedAt: new Date(Number(openedAt)).toISOString(),
    retryAt: new Date(Number(retryAt)).toISOString(),
  };
}

/** The scripts answer with flat arrays of integers; anything else is a bug worth naming. */
export function integerReply(reply: unknown, script: string): number[] {
  if (Array.isArray(reply) && reply.every((value) => typeof value === 'number')) return reply;
  throw new BatonError('internal', `The ${script} script answered ${JSON.stringify(reply)}, not a list of integers.`);
}

/** Each name once, so `recordFailure(['a', 'a'])` counts one failure, not two. */
export function uniqueNames(names: readonly string[]): string[] {
  return [...new Set(names)];
}
