import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { BatonError } from '../../src/errors/index.js';
import type { Logger } from '../../src/logging/index.js';
import type { ScheduleSetting } from '../../src/settings/index.js';
import { QUEUE_NAMES, queuePrefix } from '../connection/index.js';
import { SCHEDULE_JOB_NAME, scheduleJobData, type ScheduleJobData } from './schedule-job.js';

export interface ScheduleQueueOptions {
  readonly connection: Redis;
  readonly prefix?: string;
}

export interface SyncSchedulesOptions extends ScheduleQueueOptions {
  /** The `schedules` section of the settings file: the whole truth about what should fire. */
  readonly schedules: readonly ScheduleSetting[];
  readonly logger: Logger;
}

export interface ScheduleSyncResult {
  readonly upserted: readonly string[];
  readonly removed: readonly string[];
}

export interface ScheduleInfo extends ScheduleJobData {
  readonly cron: string | undefined;
  readonly timeZone: string | undefined;
  /** Undefined when BullMQ has no next firing (an ended scheduler). */
  readonly nextRunAt: Date | undefined;
}

/** Firings are kept a week for inspection; the engine's runs are the lasting record. */
const FIRING_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 7 * 24 * 60 * 60, count: 1_000 },
  removeOnFail: { age: 30 * 24 * 60 * 60 },
} as const;

/** Makes Redis hold one job scheduler per configured schedule and no others. Safe to run at every start. */
export async function syncSchedules(options: SyncSchedulesOptions): Promise<ScheduleSyncResult> {
  return withScheduleQueue(options, async (queue) => {
    for (const schedule of options.schedules) await upsertSchedule(queue, schedule);
    const wanted = new Set(options.schedules.map((schedule) => schedule.id));
    const existing = await queue.getJobSchedulers(0, -1);
    const removed = existing.map((scheduler) => scheduler.key).filter((id) => !wanted.has(id));
    for (const id of removed) await queue.removeJobScheduler(id);
    const upserted = [...wanted];
    options.logger.info({ upserted, removed }, 'schedules synchronised with the settings file');
    return { upserted, removed };
  });
}

/** Every scheduler in Redis with its next firing time, soonest first. */
export async function listSchedules(options: ScheduleQueueOptions): Promise<ScheduleInfo[]> {
  return withScheduleQueue(options, async (queue) => {
    const schedulers = await queue.getJobSchedulers(0, -1, true);
    return schedulers.map((scheduler) => ({
      scheduleId: scheduler.key,
      workflow: scheduler.template?.data?.workflow ?? '',
      input: scheduler.template?.data?.input ?? {},
      cron: scheduler.pattern,
      timeZone: scheduler.tz,
      nextRunAt: scheduler.next === undefined ? undefined : new Date(scheduler.next),
    }));
  });
}

async function upsertSchedule(queue: Queue<ScheduleJobData>, schedule: ScheduleSetting): Promise<void> {
  try {
    await queue.upsertJobScheduler(
      schedule.id,
      { pattern: schedule.cron, tz: schedule.timeZone },
      { name: SCHEDULE_JOB_NAME, data: scheduleJobData(schedule), opts: FIRING_JOB_OPTIONS },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BatonError('config_invalid', `Schedule ${schedule.id} (cron "${schedule.cron}", ${schedule.timeZone}) was refused by BullMQ: ${reason}`, {
      cause: error,
      details: { scheduleId: schedule.id },
    });
  }
}

async function withScheduleQueue<T>(options: ScheduleQueueOptions, work: (queue: Queue<ScheduleJobData>) => Promise<T>): Promise<T> {
  const queue = new Queue<ScheduleJobData>(QUEUE_NAMES.schedules, { connection: options.connection, prefix: queuePrefix(options.prefix) });
  try {
    return await work(queue);
  } finally {
    await queue.close();
  }
}
