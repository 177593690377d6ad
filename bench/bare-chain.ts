import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import pg from 'pg';
import { createRedisConnection } from '../queues/connection/index.js';
import type { Logger } from '../src/logging/index.js';
import type { QueueSettings } from '../src/settings/index.js';
import { JobSignals, REDIS_URL, SHIPPED_QUEUE_SETTINGS, uniquePrefix } from './engine-bench-kit.js';
import { labelConnection } from './redis-round-trips.js';

export interface ChainJob {
  readonly chain: string;
  readonly step: number;
}

export interface BareChain {
  /** Its own pool on the benchmark's database, `max` connections. */
  readonly pool: pg.Pool;
  /** Adds the first job of a new chain; resolves with the chain's id. */
  start(): Promise<string>;
  /** Resolves with `performance.now()` when the chain's last job completed. */
  finished(chain: string, timeoutMs?: number): Promise<number>;
  /** One chain start to finish, in milliseconds. */
  runOne(): Promise<number>;
  /** Starts the workers (call once); returned so a caller can listen to their events. */
  startWorkers(count: number, concurrency: number, settings?: QueueSettings): Promise<Worker<ChainJob>[]>;
  close(): Promise<void>;
}

/**
 * The floor under the engine: the same number of steps as a plain BullMQ chain. Each job's
 * processor inserts one row in PostgreSQL (one statement, one commit) and adds the next job,
 * as the engine's processor records the step and enqueues the next one. No validation, no
 * store reads, no events.
 */
export async function createBareChain(options: {
  readonly databaseUrl: string;
  readonly steps: number;
  readonly maxConnections: number;
  readonly logger: Logger;
}): Promise<BareChain> {
  const { logger, steps } = options;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.maxConnections });
  // An idle connection dropped by the server (the database dropped at the end) must not crash the suite.
  pool.on('error', (error) => {
    logger.warn({ err: error }, 'bare chain: idle PostgreSQL connection failed');
  });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_chain (chain text NOT NULL, step int NOT NULL, output jsonb, created_at timestamptz NOT NULL DEFAULT now())');
  await pool.query('ALTER TABLE bench_chain SET (autovacuum_enabled = off)');
  const prefix = uniquePrefix('chain');
  const producer = await createRedisConnection(REDIS_URL, { forWorker: false, logger });
  labelConnection(producer, 'producer');
  const queue = new Queue<ChainJob>('chain', { connection: producer, prefix });
  const jobOptions = { removeOnComplete: true, removeOnFail: true };
  const started: { worker: Worker<ChainJob>; connection: Redis }[] = [];
  let signals: JobSignals<ChainJob> | undefined;
  const finished = (chain: string, timeoutMs?: number) => {
    if (signals === undefined) throw new Error('bare chain: start workers first');
    return signals.wait(chain, timeoutMs);
  };
  const start = async () => {
    const chain = randomUUID();
    await queue.add('step', { chain, step: 1 }, { ...jobOptions, jobId: `${chain}-1` });
    return chain;
  };
  return {
    pool,
    start,
    finished,
    async runOne() {
      const began = performance.now();
      const chain = await start();
      return (await finished(chain)) - began;
    },
    async startWorkers(count, concurrency, settings = SHIPPED_QUEUE_SETTINGS) {
      const workers: Worker<ChainJob>[] = [];
      for (let index = 0; index < count; index += 1) {
        const connection = await createRedisConnection(REDIS_URL, { forWorker: true, logger });
        labelConnection(connection, 'worker');
        const worker = new Worker<ChainJob>(
          'chain',
          async (job) => {
            const { chain, step } = job.data;
            await pool.query('INSERT INTO bench_chain (chain, step, output) VALUES ($1, $2, $3::jsonb)', [chain, step, JSON.stringify({ text: 'HELLO', confidence: 0.9 })]);
            if (step < steps) await queue.add('step', { chain, step: step + 1 }, { ...jobOptions, jobId: `${chain}-${step + 1}` });
          },
          { connection, prefix, concurrency, lockDuration: settings.lockDurationMs, stalledInterval: settings.stalledIntervalMs },
        );
        worker.on('error', (error) => {
          logger.error({ err: error }, 'bare chain worker error');
        });
        await worker.waitUntilReady();
        started.push({ worker, connection });
        workers.push(worker);
      }
      signals = new JobSignals(workers, 'completed', (job) => (job.data.step === steps ? job.data.chain : undefined));
      return workers;
    },
    async close() {
      await Promise.allSettled(started.map(({ worker }) => worker.close(true)));
      await Promise.allSettled(started.map(({ connection }) => connection.quit()));
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await producer.quit();
      await pool.end();
    },
  };
}
