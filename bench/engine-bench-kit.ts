import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { createAgentRunner, createPromptLibrary } from '../agents/index.js';
import { createRedisConnection } from '../queues/connection/index.js';
import { createBullStepQueue, createStepWorker, type BullStepQueue } from '../queues/steps/index.js';
import { loadConfig } from '../src/config.js';
import type { ReviewPolicy } from '../src/engine/approvals/review-policy.js';
import { createEngine, type Engine } from '../src/engine/engine.js';
import type { StepJobData } from '../src/engine/runtime/step-job.js';
import type { WorkflowDefinition } from '../src/engine/workflow/define-workflow.js';
import { createWorkflowCatalog } from '../src/engine/workflow/workflow-catalog.js';
import type { Logger } from '../src/logging/index.js';
import { createModelClient, type ModelClient } from '../src/model/index.js';
import { createOfflineTransport } from '../src/model/offline-transport.js';
import { DEFAULT_SETTINGS, type QueueSettings } from '../src/settings/index.js';
import { applyMigrations, createPostgresClient, type SqlClient } from '../src/store/index.js';
import { createTemporaryDatabase } from '../test/support/temporary-database.js';
import { labelConnection } from './redis-round-trips.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';
export const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The shipped worker settings (lock, stall check, concurrency): what a default deployment runs with. */
export const SHIPPED_QUEUE_SETTINGS: QueueSettings = DEFAULT_SETTINGS.queues;

export interface BenchDatabase {
  readonly url: string;
  /** The database's name, for pg_stat_database. */
  readonly name: string;
  readonly sql: SqlClient;
  close(): Promise<void>;
}

/**
 * A fresh database with Baton's schema, dropped on close. Autovacuum is off on the engine's
 * tables so that counted commits are the engine's alone.
 */
export async function openBenchDatabase(options: { readonly maxConnections: number; readonly logger: Logger }): Promise<BenchDatabase> {
  const database = await createTemporaryDatabase('bench');
  const sql = createPostgresClient({ url: database.url, maxConnections: options.maxConnections, logger: options.logger });
  try {
    await applyMigrations({ sql, logger: options.logger });
    await sql.execute(['runs', 'steps', 'run_events', 'approvals', 'audit_log'].map((table) => `ALTER TABLE ${table} SET (autovacuum_enabled = off);`).join('\n'));
  } catch (error) {
    await sql.close();
    await database.drop();
    throw error;
  }
  return {
    url: database.url,
    name: new URL(database.url).pathname.slice(1),
    sql,
    close: async () => {
      await sql.close();
      await database.drop();
    },
  };
}

export function uniquePrefix(label: string): string {
  return `bench-${label}-${randomBytes(4).toString('hex')}`;
}

export function offlineModel(logger: Logger): ModelClient {
  return createModelClient({ config: loadConfig({ BATON_MODEL: 'offline' }).model, transport: createOfflineTransport(), logger });
}

export interface BenchEngine {
  readonly engine: Engine;
  readonly queue: BullStepQueue;
  readonly prefix: string;
  /** Step workers, each on its own Redis connection, as separate worker processes would be. */
  startWorkers(count: number, concurrency: number, settings?: QueueSettings): Promise<Worker<StepJobData>[]>;
  /** Closes workers and queue and removes the queue's keys; the database is the caller's. */
  close(): Promise<void>;
}

export interface BenchEngineOptions {
  readonly sql: SqlClient;
  readonly workflows: readonly WorkflowDefinition[];
  readonly logger: Logger;
  readonly label: string;
  /** Offline simulator unless given (fan-out passes the real Anthropic transport on the fake). */
  readonly model?: ModelClient;
  readonly policies?: Readonly<Record<string, ReviewPolicy>>;
  /** The settings' `budgets.maxStepsPerRun` (50 when not given): the widest fan-out needs more. */
  readonly maxStepsPerRun?: number;
  /** BullMQ prefix; a fresh one unless another process must share the queue. */
  readonly prefix?: string;
}

/** The production engine, queue and step workers (src/engine, queues/steps) on the real servers. */
export async function createBenchEngine(options: BenchEngineOptions): Promise<BenchEngine> {
  const { logger } = options;
  const prefix = options.prefix ?? uniquePrefix(options.label);
  const producer = await createRedisConnection(REDIS_URL, { forWorker: false, logger });
  labelConnection(producer, 'producer');
  const queue = createBullStepQueue({ connection: producer, prefix });
  const config = loadConfig({ BATON_MODEL: 'offline' });
  const runner = createAgentRunner({ model: options.model ?? offlineModel(logger), prompts: createPromptLibrary(config.promptsDir), logger });
  const engine = createEngine({
    sql: options.sql,
    queue,
    workflows: createWorkflowCatalog(options.workflows),
    runner,
    logger,
    ...(options.policies === undefined ? {} : { policies: options.policies }),
    ...(options.maxStepsPerRun === undefined ? {} : { maxStepsPerRun: options.maxStepsPerRun }),
  });
  const started: { worker: Worker<StepJobData>; connection: Redis }[] = [];
  return {
    engine,
    queue,
    prefix,
    async startWorkers(count, concurrency, settings = SHIPPED_QUEUE_SETTINGS) {
      const workers: Worker<StepJobData>[] = [];
      for (let index = 0; index < count; index += 1) {
        const connection = await createRedisConnection(REDIS_URL, { forWorker: true, logger });
        labelConnection(connection, 'worker');
        const worker = createStepWorker({ connection, prefix, engine, logger, concurrency, lockDurationMs: settings.lockDurationMs, stalledIntervalMs: settings.stalledIntervalMs });
        await worker.waitUntilReady();
        started.push({ worker, connection });
        workers.push(worker);
      }
      return workers;
    },
    async close() {
      await Promise.allSettled(started.map(({ worker }) => worker.close(true)));
      await Promise.allSettled(started.map(({ connection }) => connection.quit()));
      await queue.queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await producer.quit();
    },
  };
}

/**
 * Resolves when a worker emits `event` for a job, keyed by `keyOf(job)`, with the
 * `performance.now()` of the event. An event that arrives before anyone waits is kept, so
 * nothing is missed; nothing polls.
 */
export class JobSignals<Data> {
  readonly #waiting = new Map<string, (at: number) => void>();
  readonly #early = new Map<string, number>();

  constructor(workers: readonly Worker<Data>[], event: 'active' | 'completed', keyOf: (job: Job<Data>) => string | undefined) {
    const listener = (job: Job<Data>) => {
      const at = performance.now();
      const key = keyOf(job);
      if (key === undefined) return;
      const resolve = this.#waiting.get(key);
      if (resolve === undefined) this.#early.set(key, at);
      else {
        this.#waiting.delete(key);
        resolve(at);
      }
    };
    for (const worker of workers) {
      if (event === 'active') worker.on('active', listener);
      else worker.on('completed', listener);
    }
  }

  wait(key: string, timeoutMs = 60_000): Promise<number> {
    const early = this.#early.get(key);
    if (early !== undefined) {
      this.#early.delete(key);
      return Promise.resolve(early);
    }
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(key);
        reject(new Error(`bench: no ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(key, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }

  /** Forgets early arrivals nobody waited for (warm-up runs). */
  clear(): void {
    this.#early.clear();
  }
}

/** `${runId}:${step key}` of an engine step job. */
export function stepKey(job: Job<StepJobData>): string {
  return `${job.data.runId}:${job.data.key}`;
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function mapLimit<Item, Result>(items: readonly Item[], limit: number, work: (item: Item, index: number) => Promise<Result>): Promise<Result[]> {
  const results = new Array<Result>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index] as Item, index);
  });
  await Promise.all(lanes);
  return results;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

let collect: (() => void) | undefined;
/**
 * Full garbage collections until the heap stops shrinking, also when node was started without
 * `--expose-gc` (npm run bench is plain `tsx`): the flag is set at run time and `gc` taken from a
 * fresh context. Returns heapUsed afterwards. Bytecode flushing is turned off on first use: it
 * drops the bytecode of functions idle for a few collections (start-up code, migrations), which
 * shrinks the heap by megabytes at random moments and would hide a small leak between two
 * measurements.
 */
export async function collectGarbage(): Promise<number> {
  if (collect === undefined) {
    v8.setFlagsFromString('--no-flush-bytecode');
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed !== undefined) collect = exposed;
    else {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    }
  }
  let previous = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 10; round += 1) {
    collect();
    // Let finalizers and weak callbacks run between collections.
    await new Promise((resolve) => setImmediate(resolve));
    const used = process.memoryUsage().heapUsed;
    if (used >= previous) return used;
    previous = used;
  }
  return previous;
}
