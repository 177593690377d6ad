import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { createRedisConnection } from '../queues/connection/index.js';
import { STEP_QUEUE } from '../queues/steps/index.js';
import type { Benchmark } from './benchmark-types.js';
import { createBareChain, type BareChain } from './bare-chain.js';
import { benchGated, GATED_STEP_KEY, HIGH_RISK_POLICIES } from './bench-workflows.js';
import { createFigure } from './create-figure.js';
import { createBenchEngine, JobSignals, openBenchDatabase, REDIS_URL, SHIPPED_QUEUE_SETTINGS, stepKey, type BenchDatabase, type BenchEngine } from './engine-bench-kit.js';
import { summarize } from './measure.js';
import type { PausedWorkerMessage } from './paused-runs-worker.js';

const PAUSED_RUNS = 10_000;
const WARMUP_RUNS = 300;
const WARMUP_DECISIONS = 20;
/** engine.start calls in flight while the paused runs are created: one transaction each. */
const START_CONCURRENCY = 8;
const DECISIONS = 200;
/** From the product owner: a paused run costs the worker nothing, within measurement noise. */
const HEAP_BYTES_PER_RUN_TARGET = 200;
const WORKER_SCRIPT = fileURLToPath(new URL('./paused-runs-worker.ts', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

type Snapshot = Extract<PausedWorkerMessage, { type: 'snapshot' }>;

/** Calls `work` `count` times with at most `limit` in flight, keeping nothing. */
async function repeatLimit(count: number, limit: number, work: () => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        next += 1;
        await work();
      }
    }),
  );
}

function total(resources: Readonly<Record<string, number>>): number {
  return Object.values(resources).reduce((sum, count) => sum + count, 0);
}

/** What the paused runs occupy in PostgreSQL, where their state belongs. */
async function storeBytes(database: BenchDatabase): Promise<number> {
  const { rows } = await database.sql.query<{ bytes: string }>(
    `SELECT sum(pg_total_relation_size(table_name::regclass)) AS bytes FROM unnest(ARRAY['runs', 'steps', 'run_events', 'approvals']) AS table_name`,
  );
  return Number(rows[0]?.bytes ?? 0);
}

async function countLocks(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let locks = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:${STEP_QUEUE}:*:lock`, 'COUNT', 1_000);
    cursor = next;
    locks += keys.length;
  } while (cursor !== '0');
  return locks;
}

/** The step worker in its own process (paused-runs-worker.ts), so its heap and handles are its own. */
class WorkerProcess {
  readonly #child: ChildProcess;
  readonly #completed = new Set<string>();
  readonly #waiters: ((message: PausedWorkerMessage) => void)[] = [];
  #stderr = '';

  constructor(env: Record<string, string>) {
    this.#child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.#child.stderr?.on('data', (chunk: Buffer) => {
      this.#stderr += chunk.toString();
    });
    this.#child.on('message', (message: PausedWorkerMessage) => {
      if (message.type === 'completed') this.#completed.add(message.runId);
      for (const waiter of this.#waiters.splice(0)) waiter(message);
    });
  }

  /** The next message that `accept` takes, within `timeoutMs`. */
  #next<Message extends PausedWorkerMessage>(accept: (message: PausedWorkerMessage) => message is Message, timeoutMs: number): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`paused-runs: the worker process did not answer within ${timeoutMs} ms: ${this.#stderr}`));
      }, timeoutMs);
      const listen = (message: PausedWorkerMessage) => {
        if (accept(message)) {
          clearTimeout(timer);
          resolve(message);
        } else this.#waiters.push(listen);
      };
      this.#waiters.push(listen);
    });
  }

  ready(): Promise<unknown> {
    return this.#next((message): message is PausedWorkerMessage => message.type === 'ready', 30_000);
  }

  snapshot(): Promise<Snapshot> {
    const answer = this.#next((message): message is Snapshot => message.type === 'snapshot', 30_000);
    this.#child.send({ type: 'snapshot' });
    return answer;
  }

  async completed(runId: string): Promise<void> {
    while (!this.#completed.has(runId)) await this.#next((message): message is PausedWorkerMessage => message.type === 'completed', 30_000);
  }

  async stop(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => {
      this.#child.once('exit', () => {
        resolve();
      });
    });
    this.#child.send({ type: 'stop' });
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

export const pausedRuns: Benchmark = {
  name: 'paused-runs',
  description: `${PAUSED_RUNS} runs waiting at a high-risk gate while a step worker process runs (concurrency ${SHIPPED_QUEUE_SETTINGS.concurrency}): the jobs, locks, timers and heap they cost it; then decision to next step start vs a bare BullMQ job add to start`,
  async run({ logger }) {
    const database = await openBenchDatabase({ maxConnections: START_CONCURRENCY, logger });
    let bench: BenchEngine | undefined;
    let chain: BareChain | undefined;
    let inspector: Redis | undefined;
    let worker: WorkerProcess | undefined;
    try {
      bench = await createBenchEngine({ sql: database.sql, workflows: [benchGated], logger, label: 'paused', policies: HIGH_RISK_POLICIES });
      inspector = await createRedisConnection(REDIS_URL, { forWorker: false, logger });
      const engine = bench.engine;
      const startPaused = async () => {
        const started = await engine.start(benchGated.name, { text: 'ship it' });
        if (started.status !== 'waiting_for_human') throw new Error(`paused-runs: a started run is ${started.status}`);
      };
      const approve = (approval: { id: string; fingerprint: string }) =>
        engine.decide({ approvalId: approval.id, fingerprint: approval.fingerprint, decision: { decision: 'approve' }, reviewer: { id: 'U1', via: 'cli' } });

      // Part 1: the worker process alone on the queue while runs pause. Warm-up first, at the same concurrency, so that
      // the worker has run steps (JIT, connections) and the API side's pool is full before the first snapshot.
      worker = new WorkerProcess({ BENCH_DATABASE_URL: database.url, BENCH_PREFIX: bench.prefix });
      await worker.ready();
      await repeatLimit(WARMUP_RUNS, START_CONCURRENCY, startPaused);
      for (const approval of await engine.listApprovals({ status: 'pending', limit: WARMUP_DECISIONS })) {
        await approve(approval);
        await worker.completed(approval.runId);
      }
      const before = await worker.snapshot();
      const bytesBefore = await storeBytes(database);
      // In two halves with a snapshot between, logged: growth that is per run shows in both halves alike.
      const half = PAUSED_RUNS / 2;
      let began = performance.now();
      await repeatLimit(half, START_CONCURRENCY, startPaused);
      let creationMs = performance.now() - began;
      const halfway = await worker.snapshot();
      began = performance.now();
      await repeatLimit(PAUSED_RUNS - half, START_CONCURRENCY, startPaused);
      creationMs += performance.now() - began;
      const after = await worker.snapshot();
      const bytesAfter = await storeBytes(database);

      const counts = await bench.queue.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      const jobs = Object.values(counts).reduce((sum, count) => sum + count, 0);
      const locks = await countLocks(inspector, bench.prefix);
      const { rows } = await database.sql.query<{ waiting: string }>(`SELECT count(*) AS waiting FROM runs WHERE status = 'waiting_for_human'`);
      const waiting = Number(rows[0]?.waiting ?? 0);
      if (waiting < PAUSED_RUNS) throw new Error(`paused-runs: only ${waiting} runs are waiting for a human`);
      console.error(
        `bench: paused-runs created ${PAUSED_RUNS} in ${(creationMs / 1000).toFixed(1)} s; ${waiting} waiting; jobs ${JSON.stringify(counts)}; locks ${locks}; ` +
          `worker resources ${JSON.stringify(before.resources)} -> ${JSON.stringify(after.resources)}; worker heap ${before.heapUsed} -> ${halfway.heapUsed} -> ${after.heapUsed} bytes`,
      );
      await worker.stop();

      // Part 2: decisions on paused runs, with the worker in this process so that its `active` event is timed on the
      // same clock; alternating with bare job adds so that drift hits both.
      chain = await createBareChain({ databaseUrl: database.url, steps: 1, maxConnections: 1, logger });
      const workers = await bench.startWorkers(1, SHIPPED_QUEUE_SETTINGS.concurrency);
      const chainWorkers = await chain.startWorkers(1, SHIPPED_QUEUE_SETTINGS.concurrency);
      const stepActive = new JobSignals(workers, 'active', stepKey);
      const stepDone = new JobSignals(workers, 'completed', stepKey);
      const chainActive = new JobSignals(chainWorkers, 'active', (job) => job.data.chain);
      const decide = async (approval: { id: string; fingerprint: string; runId: string }) => {
        const decidedAt = performance.now();
        await approve(approval);
        const key = `${approval.runId}:${GATED_STEP_KEY}`;
        const active = await stepActive.wait(key);
        await stepDone.wait(key);
        return active - decidedAt;
      };
      const bare = chain;
      const addJob = async () => {
        const addedAt = performance.now();
        const id = await bare.start();
        const active = await chainActive.wait(id);
        await bare.finished(id);
        return active - addedAt;
      };
      const approvals = await engine.listApprovals({ status: 'pending', limit: DECISIONS + WARMUP_DECISIONS });
      const decisions: number[] = [];
      const adds: number[] = [];
      for (const [index, approval] of approvals.entries()) {
        const first = index % 2 === 0 ? await decide(approval) : await addJob();
        const second = index % 2 === 0 ? await addJob() : await decide(approval);
        if (index < WARMUP_DECISIONS) continue;
        decisions.push(index % 2 === 0 ? first : second);
        adds.push(index % 2 === 0 ? second : first);
      }
      const decided = summarize(decisions);
      const added = summarize(adds);

      return [
        createFigure({ name: `BullMQ jobs held by ${PAUSED_RUNS} paused runs`, value: jobs, unit: 'jobs', target: { op: '<=', value: 0, of: 'value' } }),
        createFigure({ name: 'job locks held', value: locks, unit: 'locks', target: { op: '<=', value: 0, of: 'value' } }),
        createFigure({
          name: 'worker handles and timers after',
          value: total(after.resources),
          unit: 'resources',
          baseline: { name: 'before the paused runs', value: total(before.resources) },
          target: { op: '<=', value: 1, of: 'ratio' },
        }),
        createFigure({
          name: 'worker heap growth per paused run',
          value: (after.heapUsed - before.heapUsed) / PAUSED_RUNS,
          unit: 'bytes',
          baseline: { name: 'PostgreSQL bytes per paused run', value: (bytesAfter - bytesBefore) / PAUSED_RUNS },
          target: { op: '<=', value: HEAP_BYTES_PER_RUN_TARGET, of: 'value' },
        }),
        createFigure({ name: 'paused runs started per second', value: (PAUSED_RUNS / creationMs) * 1_000, unit: 'runs/s' }),
        createFigure({ name: 'decision to next step start p50', value: decided.p50, unit: 'ms', baseline: { name: 'bare job add to start p50', value: added.p50 } }),
        createFigure({ name: 'decision to next step start p99', value: decided.p99, unit: 'ms', baseline: { name: 'bare job add to start p99', value: added.p99 } }),
      ];
    } finally {
      await worker?.stop();
      await Promise.allSettled([bench?.close(), chain?.close(), inspector?.quit()]);
      await database.close();
    }
  },
};
