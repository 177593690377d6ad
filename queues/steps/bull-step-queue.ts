import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { StepJobData, StepQueue } from '../../src/engine/runtime/step-job.js';
import { STEP_QUEUE } from './step-queue-names.js';

export interface BullStepQueueOptions {
  readonly connection: Redis;
  readonly prefix: string;
  /** Attempts for infrastructure failures (the store unreachable); model errors are retried inside the call. */
  readonly attempts?: number;
}

export interface BullStepQueue extends StepQueue {
  readonly queue: Queue<StepJobData>;
  close(): Promise<void>;
}

const ENDED_STATES = new Set(['completed', 'failed', 'unknown']);

/**
 * The engine's step queue on BullMQ. The job id is the step id, so re-adding a step (a
 * redelivered completion, the reconciler) never creates a second job while one exists.
 */
export function createBullStepQueue(options: BullStepQueueOptions): BullStepQueue {
  const queue = new Queue<StepJobData>(STEP_QUEUE, { connection: options.connection, prefix: options.prefix });
  const attempts = options.attempts ?? 3;
  return {
    queue,
    async enqueue(jobs) {
      if (jobs.length === 0) return;
      await queue.addBulk(
        jobs.map((data) => ({
          name: data.agent,
          data,
          opts: {
            jobId: data.stepId,
            attempts,
            backoff: { type: 'exponential', delay: 1_000 },
            // Finished jobs are kept briefly for inspection; the store is the record.
            removeOnComplete: { age: 3_600, count: 10_000 },
            removeOnFail: { age: 7 * 86_400 },
          },
        })),
      );
    },
    async missing(stepIds) {
      const states = await Promise.all(stepIds.map(async (id) => [id, await queue.getJobState(id)] as const));
      const ended = states.filter(([, state]) => ENDED_STATES.has(state));
      // A finished job under a pending step's id would block re-adding it: drop it first.
      await Promise.all(ended.map(async ([id]) => (await queue.getJob(id))?.remove()));
      return ended.map(([id]) => id);
    },
    async remove(stepIds) {
      await Promise.all(
        stepIds.map(async (id) => {
          const job = await queue.getJob(id);
          const state = job === undefined ? 'unknown' : await job.getState();
          if (job !== undefined && (state === 'waiting' || state === 'delayed' || state === 'prioritized')) await job.remove();
        }),
      );
    },
    close: () => queue.close(),
  };
}
