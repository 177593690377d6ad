import type { BreakerContext } from './breaker-context.js';
import { RECORD_FAILURE_SCRIPT } from './breaker-scripts.js';
import { integerReply, uniqueNames } from './breaker-state.js';
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
 * missing hash is a closed breaker, so closing is one DEL of every name's hash: atomic and one
 * round trip without a script, which matters because it follows every successful step.
 */
export async function recordSuccess(context: BreakerContext, names: readonly string[]): Promise<void> {
  const unique = uniqueNames(names);
  if (unique.length === 0) return;
  await withRedis('recording a circuit breaker success', () => context.redis.del(...unique.map(context.keyOf)));
}
