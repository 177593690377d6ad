import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatonError } from '../../errors/index.js';
import type { Budgets, BudgetSettingsInput } from './index.js';
import { createBudgets } from './index.js';
import { deleteRedisKeys } from '../../../test/support/delete-redis-keys.js';

const redis = new Redis('redis://127.0.0.1:6379');
const NOW = Date.parse('2025-03-03T15:00:00.000Z');
let prefix = '';

function budgets(settings: BudgetSettingsInput = {}): Budgets {
  return createBudgets({
    redis,
    prefix,
    settings,
    loadRunSpend: () => Promise.resolve({ costUsd: 0, steps: 0 }),
    loadDaySpend: () => Promise.resolve(0),
    now: () => NOW,
  });
}

async function refusal(work: Promise<void>): Promise<BatonError> {
  const error: unknown = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof BatonError)) throw new Error(`expected a BatonError, got ${String(error)}`);
  return error;
}

const deleteKeys = (pattern: string) => deleteRedisKeys(redis, pattern);

beforeEach(() => {
  prefix = `test:budgets:${randomBytes(6).toString('hex')}:`;
});
afterEach(() => deleteKeys(`${prefix}*`));
afterAll(async () => {
  await redis.quit();
});

describe('budgets', () => {
  it('allows calls under both budgets and reports what was spent', async () => {
    const subject = budgets();
    await subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0.05, stepsSoFar: 0 });
    await subject.record({ runId: 'run-1', costUsd: 0.0312 });
    await subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0.05, stepsSoFar: 1 });
    expect(await subject.spent({ runId: 'run-1' })).toEqual({ runUsd: 0.0312, dayUsd: 0.0312 });
  });

  it('refuses a call that could pass the run budget, naming the limit, the numbers and the setting', async () => {
    const subject = budgets();
    await subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0 });
    await subject.record({ runId: 'run-1', costUsd: 4.98 });
    const error = await refusal(subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0.05 }));
    expect(error.code).toBe('budget_exceeded');
    expect(error.message).toBe(
      'Run budget of $5.00 would be exceeded: $4.98 spent, next call up to $0.05 (budgets.runUsd in baton.config.json).',
    );
    expect(error.details).toEqual({ limit: 'run', limitUsd: 5, spentUsd: 4.98, estimateUsd: 0.05, runId: 'run-1' });
    // Exactly reaching the limit is allowed.
    await subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0.02 });
  });

  it('refuses a call that could pass the daily budget, counting every run of the day', async () => {
    const subject = budgets({ dayUsd: 1 });
    for (const runId of ['run-1', 'run-2', 'run-3']) {
      await subject.assertCanSpend({ runId, estimateUsd: 0.25 });
      await subject.record({ runId, costUsd: 0.3 });
    }
    const error = await refusal(subject.assertCanSpend({ runId: 'run-4', estimateUsd: 0.25 }));
    expect(error.message).toBe(
      'Daily budget of $1.00 would be exceeded: $0.90 spent on 2025-03-03 (UTC), next call up to $0.25 (budgets.dayUsd in baton.config.json).',
    );
    expect(error.details).toMatchObject({ limit: 'day', limitUsd: 1, spentUsd: 0.9, estimateUsd: 0.25, date: '2025-03-03' });
    await subject.assertCanSpend({ runId: 'run-4', estimateUsd: 0.1 });
  });

  it('stops a run at its step limit before touching Redis', async () => {
    const subject = budgets({ maxStepsPerRun: 3 });
    await subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0.01, stepsSoFar: 2 });
    const error = await refusal(subject.assertCanSpend({ runId: 'run-1', estimateUsd: 0.01, stepsSoFar: 3 }));
    expect(error.code).toBe('budget_exceeded');
    expect(error.message).toBe(
      'Step limit of 3 per run reached: 3 steps taken, the next would be step 4 (budgets.maxStepsPerRun in baton.config.json).',
    );
    expect(error.details).toEqual({ limit: 'steps', maxSteps: 3, stepsSoFar: 3 });
  });

  it('refuses a negative or missing amount rather than corrupt the shared ledger', async () => {
    const subject = budgets();
    expect((await refusal(subject.record({ runId: 'run-1', costUsd: -1 }))).code).toBe('internal');
    expect((await refusal(subject.assertCanSpend({ runId: 'run-1', estimateUsd: Number.NaN }))).code).toBe('internal');
  });

  it('refuses bad settings naming the field to fix', () => {
    expect(() => budgets({ timeZone: 'Mars/Olympus_Mons' })).toThrow(/budgets\.timeZone: is not an IANA time zone/);
    expect(() => budgets({ runUsd: -1 })).toThrow(BatonError);
  });
});
