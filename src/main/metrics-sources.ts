import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES } from '../../queues/connection/index.js';
import type { CircuitBreakers } from '../engine/breakers/index.js';
import type { MetricsSources, QueueDepth } from '../metrics/index.js';

export interface OpenedMetricsSources extends MetricsSources {
  close(): Promise<void>;
}

export interface MetricsSourcesOptions {
  readonly redis: Redis;
  readonly prefix: string;
  readonly breakers: Pick<CircuitBreakers, 'list'>;
  readonly now?: () => number;
}

/** The queues' depth and age, the breakers and Redis' uptime, read through BullMQ and ioredis for the core's metrics. */
export function createMetricsSources(options: MetricsSourcesOptions): OpenedMetricsSources {
  const now = options.now ?? Date.now;
  // Queues on the shared connection: reading counts needs no blocking connection of its own.
  const queues = Object.values(QUEUE_NAMES).map((name) => new Queue(name, { connection: options.redis, prefix: options.prefix }));
  return {
    queues: () => Promise.all(queues.map((queue) => depthOf(queue, now()))),
    breakers: async () => (await options.breakers.list()).map((state) => ({ name: state.name, state: state.state, consecutiveFailures: state.consecutiveFailures })),
    redisUptimeSeconds: async () => {
      const info = await options.redis.info('server');
      const match = /^uptime_in_seconds:(\d+)/m.exec(info);
      return match?.[1] === undefined ? null : Number(match[1]);
    },
    close: async () => {
      await Promise.all(queues.map((queue) => queue.close()));
    },
  };
}

async function depthOf(queue: Queue, now: number): Promise<QueueDepth> {
  const counts = await queue.getJobCounts('wait', 'prioritized', 'active', 'delayed', 'failed');
  // The wait list's far end is its oldest job: BullMQ pushes new jobs on the left.
  const [oldest] = await queue.getJobs(['wait'], -1, -1, false);
  return {
    queue: queue.name,
    waiting: (counts['wait'] ?? 0) + (counts['prioritized'] ?? 0),
    active: counts['active'] ?? 0,
    delayed: counts['delayed'] ?? 0,
    failed: counts['failed'] ?? 0,
    oldestWaitingAgeMs: oldest === undefined ? null : Math.max(0, now - oldest.timestamp),
  };
}
