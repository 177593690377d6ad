import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { observeWorker, queuePrefix, toJobFailure, workerOptions } from '../../queues/connection/index.js';
import { handleSlackJob, type SlackContext, type SlackJob, type SlackWorkQueue } from '../../slack/index.js';
import type { Logger } from '../logging/index.js';
import type { QueueSettings } from '../settings/index.js';

/** The Slack app's queue: work handed over after an ack, the card sync and the digest. */
export const SLACK_QUEUE = 'slack';

/**
 * Completed jobs are kept an hour: the job id of a click is the click, so Slack's retry of it
 * within the hour is ignored while the job exists. Five attempts with backoff ride out a Slack
 * or database hiccup; 429s are waited out inside the Web API client (Retry-After) first.
 */
const SLACK_JOB_OPTIONS = { attempts: 5, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: { age: 3_600 }, removeOnFail: { age: 7 * 24 * 3_600 } } as const;

export interface SlackQueue extends SlackWorkQueue {
  /** The card sync every `everyMs`, and the daily digest on its cron; one scheduler each across every process. */
  schedule(options: { readonly syncEveryMs: number; readonly digest: { readonly cron: string; readonly timeZone: string } }): Promise<void>;
  close(): Promise<void>;
}

export function createSlackQueue(options: { readonly connection: Redis; readonly prefix: string }): SlackQueue {
  const queue = new Queue<SlackJob>(SLACK_QUEUE, { connection: options.connection, prefix: queuePrefix(options.prefix), defaultJobOptions: SLACK_JOB_OPTIONS });
  return {
    async enqueue(job, enqueueOptions) {
      await queue.add(job.kind, job, enqueueOptions?.id === undefined ? {} : { jobId: enqueueOptions.id.replaceAll(':', '_') });
    },
    async schedule({ syncEveryMs, digest }) {
      await queue.upsertJobScheduler('slack-sync', { every: syncEveryMs }, { name: 'sync', data: { kind: 'sync' }, opts: { removeOnComplete: true, removeOnFail: 100 } });
      await queue.upsertJobScheduler('slack-digest', { pattern: digest.cron, tz: digest.timeZone }, { name: 'digest', data: { kind: 'digest' } });
    },
    close: () => queue.close(),
  };
}

export interface SlackWorkerOptions {
  readonly connection: Redis;
  readonly prefix: string;
  readonly context: SlackContext;
  readonly logger: Logger;
  readonly settings: QueueSettings;
}

/** Works the Slack queue; a job's retryable failure is retried with backoff, anything else fails it at once. */
export async function startSlackWorker(options: SlackWorkerOptions): Promise<Worker> {
  const logger = options.logger.child({ queue: SLACK_QUEUE });
  const worker = new Worker(
    SLACK_QUEUE,
    async (job) => {
      try {
        return await handleSlackJob(options.context, job.data, job.attemptsMade + 1);
      } catch (error) {
        throw toJobFailure(error);
      }
    },
    // Clicks are short and mostly wait on PostgreSQL and Slack: more at once than a step worker.
    { ...workerOptions({ connection: options.connection, prefix: options.prefix, settings: options.settings }), concurrency: Math.max(8, options.settings.concurrency) },
  );
  observeWorker(worker, logger);
  await worker.waitUntilReady();
  return worker;
}
