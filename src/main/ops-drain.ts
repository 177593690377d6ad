import type { Job, Worker } from 'bullmq';
import type { Logger } from '../logging/index.js';

/** A worker whose jobs in progress are known, so a drain past its deadline can hand them back. */
export interface TrackedWorker {
  readonly worker: Worker;
  /** By job id: a held job (delayed without an 'ended' event) is replaced when it comes back. */
  readonly active: Map<string, Job>;
}

export function trackActiveJobs(worker: Worker): TrackedWorker {
  const active = new Map<string, Job>();
  worker.on('active', (job) => {
    if (job.id !== undefined) active.set(job.id, job);
  });
  const done = (job: Job | undefined) => {
    if (job?.id !== undefined) active.delete(job.id);
  };
  worker.on('completed', done);
  worker.on('failed', done);
  return { worker, active };
}

/** Long enough for a closing worker's fetch loop to see it is closing; short next to a lock's expiry (6 s + 3 s). */
const HAND_BACK_DELAY_MS = 500;

export interface DrainOutcome {
  /** Steps still running at the deadline, put back in the queue for another worker. */
  readonly handedBack: number;
}

/**
 * Stops taking jobs at once, lets the ones in flight finish within `deadlineMs`, then closes
 * without waiting and puts any step still running back in the queue under its own id. Another
 * worker takes a handed-back step within a second (not after a lock expires) and, as with any
 * redelivered job, checks the store first: a step that did finish meanwhile never runs again.
 */
export async function drainWorkers(workers: readonly TrackedWorker[], deadlineMs: number, logger: Logger): Promise<DrainOutcome> {
  await Promise.all(workers.map(({ worker }) => worker.pause(true)));
  const settled = await waitUntilIdle(workers, deadlineMs);
  if (settled) {
    await Promise.all(workers.map(({ worker }) => worker.close()));
    return { handedBack: 0 };
  }
  const remaining = workers.flatMap(({ active }) => [...active.values()]);
  await Promise.all(workers.map(({ worker }) => worker.close(true)));
  const handedBack = await Promise.all(
    remaining.map(async (job) => {
      try {
        // Due a moment from now, not at once: this worker's own blocked fetch wakes on the queue's marker and would take a job that is due straight back.
        await job.moveToDelayed(Date.now() + HAND_BACK_DELAY_MS, job.token);
        return 1;
      } catch (error) {
        // Its lock is gone (it just finished, or it stalled): the queue already owns it again.
        logger.warn({ err: error, jobId: job.id }, 'step not handed back; the queue recovers it when its lock expires');
        return 0;
      }
    }),
  );
  const count = handedBack.reduce<number>((sum, one) => sum + one, 0);
  logger.warn({ handedBack: count, deadlineMs }, 'drain deadline passed: in-flight steps handed back to the queue');
  return { handedBack: count };
}

async function waitUntilIdle(workers: readonly TrackedWorker[], deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    await forgetHeldJobs(workers);
    if (workers.every(({ active }) => active.size === 0)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, Math.max(1, deadline - Date.now()))));
  }
}

/** A job held by the engine (breaker open, rate limited) went back to delayed without an event: it is not in flight. */
async function forgetHeldJobs(workers: readonly TrackedWorker[]): Promise<void> {
  await Promise.all(
    workers.flatMap(({ active }) =>
      [...active.entries()].map(async ([id, job]) => {
        if ((await job.getState()) !== 'active') active.delete(id);
      }),
    ),
  );
}
