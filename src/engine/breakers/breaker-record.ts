import type { BreakerContext } from './breaker-context.js';
import { RECORD_FAILURE_SCRIPT } from './breaker-scripts.js';
import { closedState, integerReply, uniqueNames } from './breaker-state.js';
import type { BreakerFailureOutcome, BreakerState } from './breaker-types.js';
import { withRedis } from './redis-failure.js';

const OPENED = 1;
const REOPENED = 2;

/**
 * One script call counts the failure and decides the opening atomically, so twenty concurrent
 * failures against a threshold of five open the breaker once and call `onOpened` once.
 */
export async function recordFailure(context: BreakerContext, names: readonly string[]): Promise<BreakerFailureOutcome> {
  const unique = uniqueNames(names);
  if (unique.length === 0) return { opened: [], reopened: [] };
  const now = context.now();
  const retryAt = now + context.settings.cooldownMs;
  const keys = [context.namesKey, ...unique.map(context.keyOf)];
  const reply = await withRedis('recording a circuit breaker failure', () =>
    context.redis.eval(RECORD_FAILURE_SCRIPT, keys.length, ...keys, now, context.settings.failureThreshold, retryAt, ...unique),
  );
  const transitions = integerReply(reply, 'breaker failure');
  const opened: BreakerState[] = [];
  const reopened: BreakerState[] = [];
  unique.forEach((name, index) => {
    const transition = transitions[index * 2];
    if (transition !== OPENED && transition !== REOPENED) return;
    const state = openState(name, transitions[index * 2 + 1] ?? 0, now, retryAt);
    (transition === OPENED ? opened : reopened).push(state);
  });
  // After Redis has the opening: a throwing callback reaches the caller but cannot undo or repeat it.
  for (const state of opened) context.onOpened?.(state);
  return { opened, reopened };
}

function openState(name: string, consecutiveFailures: number, openedAt: number, retryAt: number): BreakerState {
  const iso = (time: number) => new Date(time).toISOString();
  return { name, state: 'open', consecutiveFailures, openedAt: iso(openedAt), retryAt: iso(retryAt) };
}

/**
 * Any success closes: the dependency answered, whether or not this call was the probe. A
 * missing hash is a closed breaker, so closing is a DEL of every name's hash. The DEL runs in
 * one MULTI with a read of each hash's `openedAt`: atomic and one round trip without a script
 * (it follows every successful step), and only the call whose DEL removed an open breaker's
 * hash sees that breaker close, so `onClosed` runs once per closing.
 */
export async function recordSuccess(context: BreakerContext, names: readonly string[]): Promise<void> {
  const unique = uniqueNames(names);
  if (unique.length === 0) return;
  const closed = await deleteBreakers(context, unique, 'recording a circuit breaker success');
  for (const name of closed) context.onClosed?.(closedState(name));
}

/** Deletes the breakers' hashes atomically; returns the names that were open or half-open. */
export async function deleteBreakers(context: BreakerContext, names: readonly string[], doing: string): Promise<string[]> {
  const replies = await withRedis(doing, async () => {
    const transaction = context.redis.multi();
    for (const name of names) transaction.hget(context.keyOf(name), 'openedAt');
    transaction.del(...names.map(context.keyOf));
    return (await transaction.exec()) ?? [];
  });
  return names.filter((_, index) => {
    const [error, openedAt] = replies[index] ?? [null, null];
    if (error) throw error;
    return openedAt !== null && openedAt !== undefined;
  });
}
