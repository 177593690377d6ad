import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Engine } from '../../src/engine/engine.js';
import { StepJobDataSchema, type StepJobData } from '../../src/engine/runtime/step-job.js';
import { formatZodIssues } from '../../src/errors/index.js';
import type { Logger } from '../../src/logging/index.js';
import { STEP_QUEUE } from './step-queue-names.js';

export interface StepWorkerOptions {
  readonly connection: Redis;
  readonly prefix: string;
  readonly engine: Pick<Engine, 'executeStep'>;
  readonly logger: Logger;
  readonly concurrency: number;
  /**
   * How long a job's lock lasts without renewal. A killed worker's step is picked up again
   * after about lockDuration + stalledInterval; BullMQ's 30 s + 30 s defaults would leave a
   * step hanging for a minute.
   */
  readonly lockDurationMs: number;
  readonly stalledIntervalMs: number;
}

/**
 * Runs steps. Holds no run state between jobs: each job carries its step, the store has the
 * rest. The engine's verdict becomes BullMQ's language: done, retry (throw), hold (delay the
 * job without spending an attempt).
 */
export function createStepWorker(options: StepWorkerOptions): Worker<StepJobData> {
  const worker = new Worker<StepJobData>(STEP_QUEUE, (job, token, signal) => processStep(options, job, token, signal), {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    maxStalledCount: 2,
  });
  worker.on('error', (error) => {
    options.logger.error({ err: error }, 'step worker error');
  });
  return worker;
}

async function processStep(options: StepWorkerOptions, job: Job<StepJobData>, token: string | undefined, signal: AbortSignal | undefined): Promise<void> {
  const parsed = StepJobDataSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`Step job ${job.id ?? '?'} has invalid data: ${formatZodIssues(parsed.error.issues, 'data')}`);
  const verdict = await options.engine.executeStep({
    job: parsed.data,
    // A job started before (retried, stalled, or held and delayed) checks the store first: its step may have ended or been cancelled.
    redelivered: job.attemptsMade > 0 || job.stalledCounter > 0 || job.attemptsStarted > 1,
    lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
    holds: Math.max(0, job.attemptsStarted - job.attemptsMade - job.stalledCounter - 1),
    ...(signal === undefined ? {} : { signal }),
  });
  if (verdict.kind === 'retry') throw new Error(verdict.error.message, { cause: verdict.error });
  if (verdict.kind === 'hold') {
    options.logger.info({ traceId: parsed.data.traceId, step: parsed.data.key, until: new Date(verdict.until).toISOString(), reason: verdict.reason }, 'step held');
    await job.moveToDelayed(verdict.until, token);
    throw new DelayedError();
  }
}
