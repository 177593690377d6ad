import { Worker, type Job } from 'bullmq';
import { BatonError, formatZodIssues } from '../../src/errors/index.js';
import type { StartedRun, WorkflowStarter } from '../../src/engine/triggers/index.js';
import type { Logger } from '../../src/logging/index.js';
import { observeWorker, QUEUE_NAMES, toJobFailure, workerOptions, type WorkerConnectionOptions } from '../connection/index.js';
import { firedAt, ScheduleJobDataSchema } from './schedule-job.js';

export interface ScheduleWorkerOptions extends WorkerConnectionOptions {
  readonly logger: Logger;
  readonly starter: WorkflowStarter;
}

export interface ScheduleWorker {
  close(): Promise<void>;
}

/** Starts the schedule's workflow each time one of its job schedulers fires. */
export async function startScheduleWorker(options: ScheduleWorkerOptions): Promise<ScheduleWorker> {
  const logger = options.logger.child({ queue: QUEUE_NAMES.schedules });
  const worker = new Worker<unknown, StartedRun>(
    QUEUE_NAMES.schedules,
    async (job) => {
      try {
        return await startFiring(job, options.starter, logger);
      } catch (error) {
        throw toJobFailure(error);
      }
    },
    workerOptions(options),
  );
  observeWorker(worker, logger);
  await worker.waitUntilReady();
  return { close: () => worker.close() };
}

async function startFiring(job: Job<unknown>, starter: WorkflowStarter, logger: Logger): Promise<StartedRun> {
  const parsed = ScheduleJobDataSchema.safeParse(job.data);
  if (!parsed.success) {
    throw new BatonError('input_invalid', `Schedule job ${job.id ?? ''} has invalid data: ${formatZodIssues(parsed.error.issues, 'data')}`);
  }
  const { scheduleId, workflow, input } = parsed.data;
  const due = firedAt(job);
  // Keyed by the due time, so a duplicate firing of the same tick returns the first run.
  const idempotencyKey = `schedule:${scheduleId}:${due}`;
  const run = await starter.start(workflow, input, { trigger: { kind: 'schedule', scheduleId, firedAt: due }, idempotencyKey });
  logger.info({ scheduleId, workflow, firedAt: due, runId: run.runId, idempotencyKey }, 'schedule started workflow');
  return { runId: run.runId };
}
