import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Budgets, BudgetsOptions } from './index.js';
import { createBudgets } from './index.js';
import { deleteRedisKeys } from '../../../test/support/delete-redis-keys.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const redis = new Redis(REDIS_URL);
let prefix = '';
let clock = Date.parse('2025-03-03T15:00:00.000Z');

/** A stand-in for the store, which is the authority on what was spent. */
interface FakeStore {
  runUsd: number;
  dayUsd: number;
  readonly runLoads: string[];
  readonly dayLoads: string[];
}
let store: FakeStore;

function budgets(options: Partial<BudgetsOptions> = {}): Budgets {
  return createBudgets({
    redis,
    prefix,
    loadRunSpend: (runId) => {
      store.runLoads.push(runId);
      return Promise.resolve({ costUsd: store.runUsd, steps: 0 });
    },
    loadDaySpend: (dayStartIso) => {
      store.dayLoads.push(dayStartIso);
      return Promise.resolve(store.dayUsd);
    },
    now: () => clock,
    ...options,
  });
}

const deleteKeys = (pattern: string) => deleteRedisKeys(redis, pattern);

beforeEach(() => {
  prefix = `test:budgets:${randomBytes(6).toString('hex')}:`;
  clock = Date.parse('2025-03-03T15:00:00.000Z');
  store = { runUsd: 0, dayUsd: 0, runLoads: [], dayLoads: [] };
});
afterEach(() => deleteKeys(`${prefix}*`));
afterAll(async () => {
  await redis.quit();
});

describe('budget ledgers', () => {
  it('start from the store once, then answer from Redis, with a week’s and two days’ expiry', async () => {
    store.runUsd = 1.5;
    store.dayUsd = 20;
    const subject = budgets();
    await subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0.1 });
    await subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0.1 });
    expect(store.runLoads).toEqual(['run-1']);
    expect(store.dayLoads).toEqual(['2025-03-03T00:00:00.000Z']);
    expect(await subject.spent({ runId: 'run-1' })).toEqual({ runUsd: 1.5, dayUsd: 20 });
    expect(await redis.ttl(`${prefix}budget:run:run-1`)).toBeGreaterThan(7 * 86_400 - 10);
    expect(await redis.ttl(`${prefix}budget:day:2025-03-03`)).toBeGreaterThan(48 * 3_600 - 10);
  });

  it('rebuilds ledgers that Redis lost from the store instead of restarting them at the next cost', async () => {
    const subject = budgets({ settings: { runUsd: 5 } });
    await subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0.1 });
    await subject.record({ runId: 'run-1', costUsd: 4 });
    await redis.del(`${prefix}budget:run:run-1`, `${prefix}budget:day:2025-03-03`);
    // A call finishing while the ledgers are gone: the store has it, so the ledger must not start from it alone.
    await subject.record({ runId: 'run-1', costUsd: 0.5 });
    store.runUsd = 4.5;
    store.dayUsd = 4.5;
    await expect(subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0.6 })).rejects.toThrow(
      'Run budget of $5.00 would be exceeded: $4.50 spent, next call up to $0.60',
    );
    expect(store.runLoads).toEqual(['run-1', 'run-1']);
    expect(await subject.spent({ runId: 'run-1' })).toEqual({ runUsd: 4.5, dayUsd: 4.5 });
  });

  it('counts the store’s total once when ten workers rebuild the same ledgers at once', async () => {
    store.runUsd = 3;
    store.dayUsd = 7;
    const workers = Array.from({ length: 10 }, () => new Redis(REDIS_URL));
    const views = await Promise.all(workers.map((worker) => budgets({ redis: worker }).spent({ runId: 'run-1' })));
    await Promise.all(workers.map((worker) => worker.quit()));
    expect(views).toEqual(Array.from({ length: 10 }, () => ({ runUsd: 3, dayUsd: 7 })));
    expect(await redis.get(`${prefix}budget:run:run-1`)).toBe('3000000');
  });

  it('adds a hundred concurrent one-cent costs up to exactly one dollar', async () => {
    const subject = budgets();
    await subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0 });
    await Promise.all(Array.from({ length: 100 }, () => subject.record({ runId: 'run-1', costUsd: 0.01 })));
    expect(await subject.spent({ runId: 'run-1' })).toEqual({ runUsd: 1, dayUsd: 1 });
  });

  it('keys the day by the configured time zone and starts a new day at local midnight', async () => {
    const subject = budgets({ settings: { timeZone: 'America/New_York' } });
    clock = Date.parse('2025-03-03T04:59:00.000Z');
    await subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0 });
    await subject.record({ runId: 'run-1', costUsd: 0.25 });
    clock = Date.parse('2025-03-03T05:00:00.000Z');
    expect(await subject.spent({ runId: 'run-1' })).toEqual({ runUsd: 0.25, dayUsd: 0 });
    expect(store.dayLoads).toEqual(['2025-03-02T05:00:00.000Z', '2025-03-03T05:00:00.000Z']);
    expect(await redis.get(`${prefix}budget:day:2025-03-02`)).toBe('250000');
    expect(await redis.get(`${prefix}budget:day:2025-03-03`)).toBe('0');
  });
});
