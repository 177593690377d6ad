import type { Redis } from 'ioredis';
import type { BreakerSettingsInput } from './breaker-settings.js';

export type BreakerStatus = 'closed' | 'open' | 'half_open';

/** One breaker as operators and events see it; times are ISO strings, null while closed. */
export interface BreakerState {
  /** `agent:<name>` or `integration:<name>`, e.g. `integration:anthropic`. */
  readonly name: string;
  readonly state: BreakerStatus;
  readonly consecutiveFailures: number;
  readonly openedAt: string | null;
  readonly retryAt: string | null;
}

/** `retryAt` is epoch milliseconds, ready for a queue's delay. */
export type BreakerCheck = { readonly allowed: true } | { readonly allowed: false; readonly name: string; readonly retryAt: number };

export interface BreakerFailureOutcome {
  /** Breakers this call moved from closed to open: exactly one caller sees each opening. */
  readonly opened: readonly BreakerState[];
  /** Breakers whose half-open probe failed and that this call opened for another cooldown. */
  readonly reopened: readonly BreakerState[];
}

export interface CircuitBreakers {
  check(names: readonly string[]): Promise<BreakerCheck>;
  recordSuccess(names: readonly string[]): Promise<void>;
  recordFailure(names: readonly string[]): Promise<BreakerFailureOutcome>;
  list(): Promise<BreakerState[]>;
  get(name: string): Promise<BreakerState>;
  reset(name: string): Promise<BreakerState>;
}

export interface CircuitBreakersOptions {
  readonly redis: Redis;
  /** Namespaces every key. Under Redis Cluster, include a hash tag (`{baton}:`) so one call's keys share a slot. */
  readonly prefix: string;
  readonly settings?: BreakerSettingsInput;
  /** Called once per opening, after Redis records it, so the engine can emit `breaker.opened` and alert. */
  readonly onOpened?: (state: BreakerState) => void;
  /** Called once per closing (a success after an opening, or an operator's reset of an open breaker), so the engine can emit `breaker.closed`. */
  readonly onClosed?: (state: BreakerState) => void;
  readonly now?: () => number;
}
