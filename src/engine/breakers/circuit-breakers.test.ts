import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatonError } from '../../errors/index.js';
import type { BreakerState, CircuitBreakers } from './index.js';
import { createCircuitBreakers } from './index.js';
import { deleteRedisKeys } from '../../../test/support/delete-redis-keys.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const START = Date.parse('2025-03-03T09:00:00.000Z');
const redis = new Redis(REDIS_URL);
let prefix = '';
let clock = START;
let opened: BreakerState[] = [];
let closed: BreakerState[] = [];

function breakers(client: Redis = redis): CircuitBreakers {
  const settings = { failureThreshold: 5, cooldownMs: 30_000 };
  return createCircuitBreakers({ redis: client, prefix, settings, now: () => clock, onOpened: (state) => opened.push(state), onClosed: (state) => closed.push(state) });
}

const deleteKeys = (pattern: string) => deleteRedisKeys(redis, pattern);

beforeEach(() => {
  prefix = `test:breakers:${randomBytes(6).toString('hex')}:`;
  clock = START;
  opened = [];
  closed = [];
});
afterEach(() => deleteKeys(`${prefix}*`));
afterAll(async () => {
  await redis.quit();
});

describe('circuit breakers', () => {
  it('allows work while closed and stays closed below the threshold', async () => {
    const subject = breakers();
    for (let failure = 0; failure < 4; failure += 1) await subject.recordFailure(['integration:anthropic']);
    expect(await subject.check(['integration:anthropic', 'agent:reply-classifier'])).toEqual({ allowed: true });
    expect(await subject.get('integration:anthropic')).toMatchObject({ state: 'closed', consecutiveFailures: 4 });
    expect(opened).toEqual([]);
  });

  it('opens exactly once when twenty failures from four workers race against a threshold of five', async () => {
    const workers = [redis, new Redis(REDIS_URL), new Redis(REDIS_URL), new Redis(REDIS_URL)];
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) => breakers(workers[index % 4]).recordFailure(['integration:anthropic'])),
    );
    await Promise.all(workers.slice(1).map((worker) => worker.quit()));
    expect(opened).toHaveLength(1);
    expect(outcomes.flatMap((outcome) => outcome.opened)).toEqual(opened);
    expect(opened[0]).toEqual({
      name: 'integration:anthropic',
      state: 'open',
      consecutiveFailures: 5,
      openedAt: '2025-03-03T09:00:00.000Z',
      retryAt: '2025-03-03T09:00:30.000Z',
    });
    expect(await breakers().get('integration:anthropic')).toMatchObject({ state: 'open', consecutiveFailures: 20 });
  });

  it('holds work until the cooldown has passed, naming the breaker and when to retry', async () => {
    const subject = breakers();
    for (let failure = 0; failure < 5; failure += 1) await subject.recordFailure(['agent:reply-classifier']);
    clock = START + 29_999;
    expect(await subject.check(['integration:anthropic', 'agent:reply-classifier'])).toEqual({
      allowed: false,
      name: 'agent:reply-classifier',
      retryAt: START + 30_000,
    });
    clock = START + 30_000;
    expect(await subject.check(['agent:reply-classifier'])).toEqual({ allowed: true });
  });

  it('reports the breaker that holds work longest when several are open', async () => {
    const subject = breakers();
    for (let failure = 0; failure < 5; failure += 1) await subject.recordFailure(['integration:salesforce']);
    clock = START + 10_000;
    for (let failure = 0; failure < 5; failure += 1) await subject.recordFailure(['integration:anthropic']);
    const check = await subject.check(['integration:salesforce', 'integration:anthropic']);
    expect(check).toEqual({ allowed: false, name: 'integration:anthropic', retryAt: START + 40_000 });
  });

  it('resets consecutive failures on a success, so scattered failures never open it', async () => {
    const subject = breakers();
    for (let round = 0; round < 3; round += 1) {
      for (let failure = 0; failure < 4; failure += 1) await subject.recordFailure(['integration:anthropic']);
      await subject.recordSuccess(['integration:anthropic']);
    }
    expect(await subject.get('integration:anthropic')).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(opened).toEqual([]);
  });

  it('reports a closing exactly once when twenty successes from four workers race after an opening, and never for a closed breaker', async () => {
    const subject = breakers();
    for (let failure = 0; failure < 4; failure += 1) await subject.recordFailure(['integration:anthropic']);
    await subject.recordSuccess(['integration:anthropic']);
    expect(closed).toEqual([]);
    for (let failure = 0; failure < 5; failure += 1) await subject.recordFailure(['integration:anthropic', 'agent:email-qa']);
    clock = START + 30_000;
    const workers = [redis, new Redis(REDIS_URL), new Redis(REDIS_URL), new Redis(REDIS_URL)];
    await Promise.all(Array.from({ length: 20 }, (_, index) => breakers(workers[index % 4]).recordSuccess(['integration:anthropic', 'agent:never-failed'])));
    await Promise.all(workers.slice(1).map((worker) => worker.quit()));
    expect(closed).toEqual([{ name: 'integration:anthropic', state: 'closed', consecutiveFailures: 0, openedAt: null, retryAt: null }]);
    expect(await subject.get('agent:email-qa')).toMatchObject({ state: 'half_open' });
  });

  it('lists every breaker that has failed, and an operator reset closes one', async () => {
    const subject = breakers();
    await subject.recordFailure(['agent:email-qa']);
    for (let failure = 0; failure < 5; failure += 1) await subject.recordFailure(['integration:anthropic', 'agent:email-qa']);
    clock = START + 45_000;
    expect((await subject.list()).map(({ name, state, consecutiveFailures }) => ({ name, state, consecutiveFailures }))).toEqual([
      { name: 'agent:email-qa', state: 'half_open', consecutiveFailures: 6 },
      { name: 'integration:anthropic', state: 'half_open', consecutiveFailures: 5 },
    ]);
    expect(await subject.reset('integration:anthropic')).toMatchObject({ state: 'closed', openedAt: null, retryAt: null });
    expect(closed.map((state) => state.name)).toEqual(['integration:anthropic']);
    await subject.reset('integration:anthropic');
    expect(closed).toHaveLength(1);
    expect(await subject.get('integration:anthropic')).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(await subject.get('integration:never-failed')).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect((await subject.list()).map((state) => state.state)).toEqual(['half_open', 'closed']);
  });

  it('refuses bad settings naming the field to fix', () => {
    const create = () => createCircuitBreakers({ redis, prefix, settings: { failureThreshold: 0 } });
    expect(create).toThrow(BatonError);
    expect(create).toThrow(/breakers\.failureThreshold/);
  });

  it('turns an unreachable Redis into a retryable store_unavailable error', async () => {
    const offline = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null });
    const error: unknown = await createCircuitBreakers({ redis: offline, prefix }).check(['integration:anthropic']).catch((caught: unknown) => caught);
    offline.disconnect();
    expect(error).toBeInstanceOf(BatonError);
    expect(error).toMatchObject({ code: 'store_unavailable', retryable: true });
  });
});
