import { BatonError } from '../../errors/index.js';
import type { BreakerContext } from './breaker-context.js';
import { CHECK_SCRIPT } from './breaker-scripts.js';
import { integerReply, uniqueNames } from './breaker-state.js';
import type { BreakerCheck } from './breaker-types.js';
import { withRedis } from './redis-failure.js';

/** One script call for all names: the check runs before every step, so it costs one round trip. */
export async function checkBreakers(context: BreakerContext, names: readonly string[]): Promise<BreakerCheck> {
  const unique = uniqueNames(names);
  if (unique.length === 0) return { allowed: true };
  const now = context.now();
  const { probeLeaseMs, probeWaitMs } = context.settings;
  const reply = await withRedis('a circuit breaker check', () =>
    context.redis.eval(CHECK_SCRIPT, unique.length, ...unique.map(context.keyOf), now, now + probeLeaseMs, probeWaitMs),
  );
  const [index, retryAt] = integerReply(reply, 'breaker check');
  if (index === undefined || retryAt === undefined) return { allowed: true };
  const name = unique[index - 1];
  if (name === undefined) throw new BatonError('internal', `The breaker check script named position ${index} of ${unique.length}.`);
  return { allowed: false, name, retryAt };
}
