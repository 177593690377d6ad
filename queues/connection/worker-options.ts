import type { Worker, WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { BatonError } from '../../src/errors/index.js';
import type { Logger } from '../../src/logging/index.js';
import { DEFAULT_SETTINGS, type QueueSettings } from '../../src/settings/index.js';
import { queuePrefix } from './queue-names.js';

export interface WorkerConnectionOptions {
  readonly connection: Redis;
  readonly prefix?: string;
  /** Lock, stall-check and concurrency settings; see the `queues` section of the settings file. */
  readonly settings?: QueueSettings;
}

/** BullMQ worker options from the settings file, refusing a connection made for producers. */
export function workerOptions(options: WorkerConnectionOptions): WorkerOptions {
  if (options.connection.options.maxRetriesPerRequest !== null) {
    throw new BatonError(
      'internal',
      'A queue worker needs a connection made with createRedisConnection(url, { forWorker: true }): workers must wait out reconnects.',
    );
  }
  const settings = options.settings ?? DEFAULT_SETTINGS.queues;
  return {
    connection: options.connection,
    prefix: queuePrefix(options.prefix),
    concurrency: settings.concurrency,
    lockDuration: settings.lockDurationMs,
    stalledInterval: settings.stalledIntervalMs,
  };
}

/** A worker without an `error` listener would crash the process on a Redis hiccup. */
export function observeWorker(worker: Worker, logger: Logger): void {
  worker.on('error', (error) => {
    logger.error({ error: error.message }, 'queue worker error');
  });
  worker.on('failed', (job, error) => {
    logger.warn({ jobId: job?.id, jobName: job?.name, attempt: job?.attemptsMade, error: error.message }, 'job failed');
  });
}
