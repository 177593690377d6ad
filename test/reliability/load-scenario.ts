import { readFile } from 'node:fs/promises';
import { createBaton } from '../../src/main/create-baton.js';
import { startBatonProcess, type BatonProcess } from '../operations/baton-process.js';
import { BOOKING, KNOWLEDGE } from './chaos-runs.js';
import { startDedicatedPostgres } from './dedicated-postgres.js';
import { startDedicatedRedis } from './dedicated-redis.js';
import { TERMINAL } from './run-driving.js';

export interface LoadOptions {
  readonly runs: number;
  readonly workers: number;
  readonly timeoutMs: number;
}

export interface LoadOutcome {
  readonly started: number;
  readonly succeeded: number;
  /** Runs not ended when the time ran out, or ended otherwise than succeeded. */
  readonly lost: number;
  readonly stepsDoubled: number;
  readonly runsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Peak connections the worker processes held (the test's own excluded). */
  readonly redisConnections: number;
  readonly postgresConnections: number;
  /** Peak resident memory per worker process, MiB. */
  readonly workerPeakRssMiB: number[];
  readonly crashes: number;
}

const WORKER_APPLICATION = 'baton-load-worker';

/**
 * `runs` replies handled at once (`handle_reply`: the classifier, then the meeting booker) by
 * `workers` `baton worker` processes with the offline model, on a Redis and a PostgreSQL of the
 * suite's own so their connection counts are Baton's alone. Latency is each run's creation to
 * its end as the store recorded them; throughput is runs over the first creation to the last end.
 */
export async function runLoad(options: LoadOptions): Promise<LoadOutcome> {
  const redis = await startDedicatedRedis();
  const postgres = await startDedicatedPostgres();
  const workers: BatonProcess[] = [];
  try {
    const databaseUrl = await postgres.createDatabase('baton_load');
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, BATON_QUEUE_PREFIX: 'load', BATON_MODEL: 'offline' };
    const client = await createBaton({ env: { ...env, BATON_LOG_LEVEL: 'silent' }, queuePrefix: 'load' });
    try {
      const { engine } = await client.engine();
      const sql = (await client.store()).sql;
      const ownRedis = await redis.clientCount();
      for (let index = 0; index < options.workers; index += 1) workers.push(await startBatonProcess(['worker'], { ...env, DATABASE_URL: `${databaseUrl}?application_name=${WORKER_APPLICATION}`, BATON_LOG_LEVEL: 'info' }));
      const peaks = { redis: 0, postgres: 0, rss: workers.map(() => 0) };
      const sample = async () => {
        peaks.redis = Math.max(peaks.redis, (await redis.clientCount()) - ownRedis);
        const { rows } = await sql.query<{ count: string }>('SELECT count(*) AS count FROM pg_stat_activity WHERE application_name = $1', [WORKER_APPLICATION]);
        peaks.postgres = Math.max(peaks.postgres, Number(rows[0]?.count ?? 0));
        for (const [index, worker] of workers.entries()) peaks.rss[index] = Math.max(peaks.rss[index]!, await rssMiB(worker.child.pid));
      };
      const reply = (index: number) => ({ reply: { text: `Interested, let us talk. Next week works for me. (load ${index})`, from: 'prospect@example.com' }, receivedAt: '2026-11-20T15:42:00Z', booking: BOOKING, knowledge: KNOWLEDGE });
      const runIds: string[] = [];
      for (let first = 0; first < options.runs; first += 100) {
        const batch = Array.from({ length: Math.min(100, options.runs - first) }, (_, offset) => first + offset);
        runIds.push(...(await Promise.all(batch.map(async (index) => (await engine.start('handle_reply', reply(index), { idempotencyKey: `load-${index}` })).runId))));
      }
      const deadline = Date.now() + options.timeoutMs;
      for (;;) {
        await sample();
        const { rows } = await sql.query<{ open: string }>(`SELECT count(*) AS open FROM runs WHERE status NOT IN (${[...TERMINAL].map((status) => `'${status}'`).join(', ')})`);
        if (Number(rows[0]?.open ?? 0) === 0 || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const { rows: timing } = await sql.query<{ status: string; latency_ms: string | number; created_at: Date; finished_at: Date | null }>(`SELECT status, extract(epoch FROM (finished_at - created_at)) * 1000 AS latency_ms, created_at, finished_at FROM runs`);
      const { rows: doubled } = await sql.query<{ count: string }>(`SELECT count(*) AS count FROM (SELECT 1 FROM steps WHERE status = 'succeeded' GROUP BY run_id, name HAVING count(*) > 1) doubled`);
      const succeeded = timing.filter((row) => row.status === 'succeeded');
      const latencies = succeeded.map((row) => Number(row.latency_ms)).sort((a, b) => a - b);
      const firstCreated = Math.min(...timing.map((row) => row.created_at.getTime()));
      const lastFinished = Math.max(...succeeded.map((row) => row.finished_at?.getTime() ?? 0));
      const crashes = workers.filter((worker) => worker.child.exitCode !== null || worker.child.signalCode !== null).length;
      return {
        started: runIds.length,
        succeeded: succeeded.length,
        lost: options.runs - succeeded.length,
        stepsDoubled: Number(doubled[0]?.count ?? 0),
        runsPerSecond: Math.round((succeeded.length / ((lastFinished - firstCreated) / 1000)) * 10) / 10,
        p50Ms: Math.round(percentile(latencies, 0.5)),
        p99Ms: Math.round(percentile(latencies, 0.99)),
        redisConnections: peaks.redis,
        postgresConnections: peaks.postgres,
        workerPeakRssMiB: peaks.rss.map((value) => Math.round(value)),
        crashes,
      };
    } finally {
      await client.close();
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.kill()));
    await redis.stop();
    await postgres.stop();
  }
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** A process's resident memory now, read from /proc (Linux), in MiB. */
async function rssMiB(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kilobytes = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kilobytes === undefined ? 0 : Number(kilobytes) / 1024;
}
