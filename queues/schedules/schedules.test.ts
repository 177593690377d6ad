import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingStarter } from '../../src/engine/triggers/recording-starter.js';
import { createLogger } from '../../src/logging/index.js';
import { ScheduleSchema, type ScheduleSetting } from '../../src/settings/index.js';
import { createRedisConnection, QUEUE_NAMES } from '../connection/index.js';
import { TEST_REDIS_URL, uniqueQueuePrefix, waitFor } from '../connection/queue-test-support.js';
import { firedAt, SCHEDULE_JOB_NAME } from './schedule-job.js';
import { startScheduleWorker, type ScheduleWorker } from './schedule-worker.js';
import { listSchedules, syncSchedules } from './sync-schedules.js';

const logger = createLogger({ level: 'silent' });

const dealReview = ScheduleSchema.parse({
  id: 'deal-review-morning',
  cron: '0 6 * * 1-5',
  timeZone: 'America/New_York',
  workflow: 'review_deals',
  input: { pipeline: 'new-business' },
});
const weeklyDigest = ScheduleSchema.parse({ id: 'weekly-digest', cron: '0 9 * * MON', timeZone: 'Europe/Berlin', workflow: 'send_digest' });
const everySecond = ScheduleSchema.parse({ id: 'every-second', cron: '*/1 * * * * *', timeZone: 'UTC', workflow: 'tick' });

let connection: Redis;
let prefix: string;
let worker: ScheduleWorker | undefined;
let starter: RecordingStarter;

beforeEach(async () => {
  connection = await createRedisConnection(TEST_REDIS_URL, { forWorker: true });
  prefix = uniqueQueuePrefix('schedules');
  starter = new RecordingStarter();
});

afterEach(async () => {
  await worker?.close();
  worker = undefined;
  const queue = new Queue(QUEUE_NAMES.schedules, { connection, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
});

function sync(schedules: readonly ScheduleSetting[]) {
  return syncSchedules({ connection, prefix, schedules, logger });
}

describe('syncSchedules', () => {
  it('creates one scheduler per schedule and lists each with its next run in its own time zone', async () => {
    expect(await sync([dealReview, weeklyDigest])).toEqual({ upserted: ['deal-review-morning', 'weekly-digest'], removed: [] });
    const listed = await listSchedules({ connection, prefix });
    const review = listed.find((schedule) => schedule.scheduleId === 'deal-review-morning');
    expect(review).toMatchObject({ workflow: 'review_deals', input: { pipeline: 'new-business' }, cron: '0 6 * * 1-5', timeZone: 'America/New_York' });
    expect(review?.nextRunAt?.getTime()).toBeGreaterThan(Date.now());
    const localTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    expect(localTime.format(review?.nextRunAt)).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 06:00$/);
  });

  it('removes schedulers the settings file no longer names, and updates changed ones', async () => {
    await sync([dealReview, weeklyDigest]);
    const moved = { ...weeklyDigest, cron: '30 9 * * MON' };
    expect(await sync([moved])).toEqual({ upserted: ['weekly-digest'], removed: ['deal-review-morning'] });
    const listed = await listSchedules({ connection, prefix });
    expect(listed.map((schedule) => [schedule.scheduleId, schedule.cron])).toEqual([['weekly-digest', '30 9 * * MON']]);
    expect(await sync([])).toEqual({ upserted: [], removed: ['weekly-digest'] });
    expect(await listSchedules({ connection, prefix })).toEqual([]);
  });
});

describe('startScheduleWorker', () => {
  it('starts the workflow when a schedule fires, keyed by the time it was due', async () => {
    worker = await startScheduleWorker({ connection, prefix, logger, starter });
    await sync([everySecond]);
    const call = await waitFor('the every-second schedule to fire', () => Promise.resolve(starter.calls[0]), 5_000);
    await sync([]);
    expect(call.workflow).toBe('tick');
    expect(call.input).toEqual({});
    expect(call.options.trigger).toMatchObject({ kind: 'schedule', scheduleId: 'every-second' });
    const due = call.options.trigger.kind === 'schedule' ? call.options.trigger.firedAt : '';
    expect(due).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    expect(call.options.idempotencyKey).toBe(`schedule:every-second:${due}`);
    expect(await listSchedules({ connection, prefix })).toEqual([]);
  });

  it('starts one run when the same tick is delivered twice', async () => {
    const queue = new Queue(QUEUE_NAMES.schedules, { connection, prefix });
    const data = { scheduleId: 'deal-review-morning', workflow: 'review_deals', input: {} };
    const due = Date.parse('2026-11-23T11:00:00.000Z');
    await queue.add(SCHEDULE_JOB_NAME, data, { jobId: 'firing-a', prevMillis: due });
    await queue.add(SCHEDULE_JOB_NAME, data, { jobId: 'firing-b', prevMillis: due });
    await queue.close();
    worker = await startScheduleWorker({ connection, prefix, logger, starter });
    await waitFor('both deliveries', () => Promise.resolve(starter.calls.length === 2 ? true : undefined));
    expect(new Set(starter.calls.map((call) => call.options.idempotencyKey))).toEqual(
      new Set(['schedule:deal-review-morning:2026-11-23T11:00:00.000Z']),
    );
    expect(starter.runCount).toBe(1);
  });
});

describe('firedAt', () => {
  it('reads the due time from the job, falling back to the scheduler job id', () => {
    expect(firedAt({ id: 'x', opts: { prevMillis: 0 }, timestamp: 5 })).toBe('1970-01-01T00:00:00.000Z');
    expect(firedAt({ id: 'repeat:deal-review:1000', opts: {}, timestamp: 5 })).toBe('1970-01-01T00:00:01.000Z');
    expect(firedAt({ id: 'manual', opts: {}, timestamp: 2000 })).toBe('1970-01-01T00:00:02.000Z');
  });
});
