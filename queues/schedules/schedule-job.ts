import type { Job } from 'bullmq';
import { z } from 'zod';
import type { ScheduleSetting } from '../../src/settings/index.js';

/** The data each scheduler stamps on the jobs it creates. */
export const ScheduleJobDataSchema = z.object({
  scheduleId: z.string().min(1),
  workflow: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
});

export type ScheduleJobData = z.infer<typeof ScheduleJobDataSchema>;

/** Job name of every firing: noun.verb like every other job and event. */
export const SCHEDULE_JOB_NAME = 'schedule.fired';

export function scheduleJobData(schedule: ScheduleSetting): ScheduleJobData {
  return { scheduleId: schedule.id, workflow: schedule.workflow, input: { ...schedule.input } };
}

/**
 * When the firing was due, not when a worker got to it: the same for a duplicate or a
 * redelivered firing, so it makes a stable idempotency key. BullMQ records it as `prevMillis`
 * and in the job id `repeat:<scheduler>:<millis>`.
 */
export function firedAt(job: Pick<Job, 'id' | 'opts' | 'timestamp'>): string {
  const fromId = /^repeat:[^:]+:(\d+)$/.exec(job.id ?? '')?.[1];
  const millis = job.opts.prevMillis ?? (fromId === undefined ? job.timestamp : Number(fromId));
  return new Date(millis).toISOString();
}
