import type { BreakerContext } from './breaker-context.js';
import { checkBreakers } from './breaker-check.js';
import { deleteBreakers, recordFailure, recordSuccess } from './breaker-record.js';
import { parseBreakerSettings } from './breaker-settings.js';
import { closedState, STORED_FIELDS, toBreakerState } from './breaker-state.js';
import type { BreakerState, CircuitBreakers, CircuitBreakersOptions } from './breaker-types.js';
import { withRedis } from './redis-failure.js';

/**
 * Circuit breakers per agent and per integration, shared by every worker through Redis. A
 * breaker opens after `failureThreshold` consecutive failures, holds work for `cooldownMs`,
 * then lets exactly one probe through; the probe's success closes it, its failure re-opens it.
 */
export function createCircuitBreakers(options: CircuitBreakersOptions): CircuitBreakers {
  const context: BreakerContext = {
    redis: options.redis,
    settings: parseBreakerSettings(options.settings),
    now: options.now ?? Date.now,
    keyOf: (name) => `${options.prefix}breaker:${name}`,
    namesKey: `${options.prefix}breaker-names`,
    onOpened: options.onOpened,
    onClosed: options.onClosed,
  };
  return {
    check: (names) => checkBreakers(context, names),
    recordSuccess: (names) => recordSuccess(context, names),
    recordFailure: (names) => recordFailure(context, names),
    list: () => listBreakers(context),
    get: (name) => getBreaker(context, name),
    reset: (name) => resetBreaker(context, name),
  };
}

async function getBreaker(context: BreakerContext, name: string): Promise<BreakerState> {
  const fields = await withRedis('reading a circuit breaker', () => context.redis.hmget(context.keyOf(name), ...STORED_FIELDS));
  return toBreakerState(name, fields, context.now());
}

/** Two round trips (the names, then every breaker in one pipeline): an operator's view, not a hot path. */
function listBreakers(context: BreakerContext): Promise<BreakerState[]> {
  return withRedis('listing circuit breakers', async () => {
    const names = (await context.redis.smembers(context.namesKey)).sort();
    if (names.length === 0) return [];
    const pipeline = context.redis.pipeline();
    for (const name of names) pipeline.hmget(context.keyOf(name), ...STORED_FIELDS);
    const replies = (await pipeline.exec()) ?? [];
    const now = context.now();
    return names.map((name, index) => {
      const [error, fields] = replies[index] ?? [null, []];
      if (error) throw error;
      return toBreakerState(name, fields as (string | null)[], now);
    });
  });
}

/** For operators: closes the breaker and forgets its failures and any probe. */
async function resetBreaker(context: BreakerContext, name: string): Promise<BreakerState> {
  const closed = await deleteBreakers(context, [name], 'resetting a circuit breaker');
  const state = closedState(name);
  if (closed.length > 0) context.onClosed?.(state);
  return state;
}
