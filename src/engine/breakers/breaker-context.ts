import type { Redis } from 'ioredis';
import type { BreakerSettings } from './breaker-settings.js';
import type { BreakerState } from './breaker-types.js';

/** What every breaker operation needs, resolved once by `createCircuitBreakers`. */
export interface BreakerContext {
  readonly redis: Redis;
  readonly settings: BreakerSettings;
  readonly now: () => number;
  readonly keyOf: (name: string) => string;
  /** A set of every name that ever failed, so `list` needs no SCAN over the keyspace. */
  readonly namesKey: string;
  readonly onOpened: ((state: BreakerState) => void) | undefined;
  readonly onClosed: ((state: BreakerState) => void) | undefined;
}
