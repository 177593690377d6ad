import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BreakerState, CircuitBreakers } from './index.js';
import { createCircuitBreakers } from './index.js';
import { deleteRedisKeys } from '../../../test/support/delete-redis-keys.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const START = Date.parse('2025-03-03T09:00:00.000Z');
const COOLDOWN_ENDS = START + 30_000;
const redis = new Redis(REDIS_URL);
let prefix = '';
let clock = START;
let opened: BreakerState[] = [];

function breakers(client: Redis = redis): CircuitBreakers {
  const settings = { failureThreshold: 3, cooldownMs: 30_000, probeLeaseMs: 60_000, probeWaitMs: 1_000 };
  return createCircuitBreakers({ redis: client, prefix, settings, now: () => clock, onOpened: (state) => opened.push(state) });
}

/** Opens `name` at START and moves the clock to the end of its cooldown: the breaker is half-open. */
async function halfOpen(subject: CircuitBreakers, name: string): Promise<void> {
  for (let failure = 0; failure < 3; failure += 1) await subject.recordFailure([name]);
  clock = COOLDOWN_ENDS;
}

const deleteKeys = (pattern: string) => deleteRedisKeys(redis, pattern);

beforeEach(() => {
  prefix = `test:breakers:${randomBytes(6).toString('hex')}:`;
  clock = START;
  opened = [];
});
afterEach(() => deleteKeys(`${prefix}*`));
afterAll(async () => {
  await redis.quit();
});

describe('half-open circuit breakers', () => {
  it('lets exactly one of twenty concurrent checks from four workers through as the probe', async () => {
    await halfOpen(breakers(), 'integration:anthropic');
    const workers = [redis, new Redis(REDIS_URL), new Redis(REDIS_URL), new Redis(REDIS_URL)];
    const checks = await Promise.all(
      Array.from({ length: 20 }, (_, index) => breakers(workers[index % 4]).check(['integration:anthropic'])),
    );
    await Promise.all(workers.slice(1).map((worker) => worker.quit()));
    expect(checks.filter((check) => check.allowed)).toHaveLength(1);
    // The others are held only briefly, so they notice the probe's success soon.
    expect(checks.filter((check) => !check.allowed)).toEqual(
      Array.from({ length: 19 }, () => ({ allowed: false, name: 'integration:anthropic', retryAt: COOLDOWN_ENDS + 1_000 })),
    );
  });

  it('closes for everyone when the probe succeeds', async () => {
    const subject = breakers();
    await halfOpen(subject, 'integration:anthropic');
    expect(await subject.check(['integration:anthropic'])).toEqual({ allowed: true });
    await subject.recordSuccess(['integration:anthropic']);
    expect(await subject.get('integration:anthropic')).toEqual({
      name: 'integration:anthropic',
      state: 'closed',
      consecutiveFailures: 0,
      openedAt: null,
      retryAt: null,
    });
    const checks = await Promise.all([1, 2, 3].map(() => subject.check(['integration:anthropic'])));
    expect(checks).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
  });

  it('re-opens for another cooldown when the probe fails, without a second opened alert', async () => {
    const subject = breakers();
    await halfOpen(subject, 'integration:anthropic');
    await subject.check(['integration:anthropic']);
    clock = COOLDOWN_ENDS + 2_000;
    const outcome = await subject.recordFailure(['integration:anthropic']);
    expect(outcome.opened).toEqual([]);
    expect(outcome.reopened).toEqual([
      {
        name: 'integration:anthropic',
        state: 'open',
        consecutiveFailures: 4,
        openedAt: new Date(COOLDOWN_ENDS + 2_000).toISOString(),
        retryAt: new Date(COOLDOWN_ENDS + 32_000).toISOString(),
      },
    ]);
    expect(opened).toHaveLength(1);
    expect(await subject.check(['integration:anthropic'])).toEqual({
      allowed: false,
      name: 'integration:anthropic',
      retryAt: COOLDOWN_ENDS + 32_000,
    });
    clock = COOLDOWN_ENDS + 32_000;
    expect(await subject.check(['integration:anthropic'])).toEqual({ allowed: true });
  });

  it('frees the probe when a crashed worker’s lease expires', async () => {
    const subject = breakers();
    await halfOpen(subject, 'agent:reply-classifier');
    expect(await subject.check(['agent:reply-classifier'])).toEqual({ allowed: true });
    // The probe's worker dies here and never records an outcome.
    clock = COOLDOWN_ENDS + 59_999;
    expect(await subject.check(['agent:reply-classifier'])).toMatchObject({ allowed: false, retryAt: COOLDOWN_ENDS + 60_000 });
    clock = COOLDOWN_ENDS + 60_000;
    expect(await subject.check(['agent:reply-classifier'])).toEqual({ allowed: true });
    expect(await subject.check(['agent:reply-classifier'])).toMatchObject({ allowed: false });
  });

  it('does not spend a half-open breaker’s probe on a caller another breaker holds', async () => {
    const subject = breakers();
    await halfOpen(subject, 'integration:anthropic');
    for (let failure = 0; failure < 3; failure += 1) await subject.recordFailure(['agent:email-qa']);
    expect(await subject.check(['integration:anthropic', 'agent:email-qa'])).toMatchObject({ allowed: false, name: 'agent:email-qa' });
    expect(await subject.check(['integration:anthropic'])).toEqual({ allowed: true });
  });
});
