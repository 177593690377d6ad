import type { Benchmark } from './benchmark-types.js';
import { createBareChain, type BareChain } from './bare-chain.js';
import { benchPipeline, PIPELINE_LAST_KEY, PIPELINE_STEPS } from './bench-workflows.js';
import { createFigure } from './create-figure.js';
import { createBenchEngine, JobSignals, median, openBenchDatabase, type BenchEngine } from './engine-bench-kit.js';

const RUNS = 1_000;
const WARMUP_RUNS = 50;
/** Two worker instances (separate Redis connections) at concurrency 8 each: 16 steps in flight at most. */
const WORKERS = 2;
const CONCURRENCY = 8;
/** One PostgreSQL connection per step in flight, on both sides. */
const POOL_SIZE = WORKERS * CONCURRENCY;
/** From the product owner: the engine keeps at least half a bare chain's throughput. */
const THROUGHPUT_RATIO_TARGET = 0.5;
/** A run of the burst may wait this long for its turn before the benchmark gives up. */
const BURST_TIMEOUT_MS = 180_000;

interface Burst {
  readonly runsPerSecond: number;
  /** Start call to last step completed, per run. */
  readonly latencyP50: number;
}

/** Starts `runs` runs at once and waits for all of them: runs per second over the whole burst. */
async function burst(runs: number, startOne: () => Promise<string>, finished: (id: string) => Promise<number>): Promise<Burst> {
  const began = performance.now();
  const latencies = await Promise.all(
    Array.from({ length: runs }, async () => {
      const started = performance.now();
      const id = await startOne();
      return (await finished(id)) - started;
    }),
  );
  const elapsed = performance.now() - began;
  return { runsPerSecond: (runs / elapsed) * 1_000, latencyP50: median(latencies) };
}

export const throughput: Benchmark = {
  name: 'throughput',
  description: `${RUNS} concurrent ${PIPELINE_STEPS}-step runs (offline model) on ${WORKERS} workers x concurrency ${CONCURRENCY}, vs ${RUNS} bare ${PIPELINE_STEPS}-job BullMQ chains on the same workers`,
  async run({ logger }) {
    const database = await openBenchDatabase({ maxConnections: POOL_SIZE, logger });
    let bench: BenchEngine | undefined;
    let chain: BareChain | undefined;
    try {
      bench = await createBenchEngine({ sql: database.sql, workflows: [benchPipeline], logger, label: 'throughput' });
      chain = await createBareChain({ databaseUrl: database.url, steps: PIPELINE_STEPS, maxConnections: POOL_SIZE, logger });
      const workers = await bench.startWorkers(WORKERS, CONCURRENCY);
      await chain.startWorkers(WORKERS, CONCURRENCY);
      const engine = bench.engine;
      const signals = new JobSignals(workers, 'completed', (job) => (job.data.key === PIPELINE_LAST_KEY ? job.data.runId : undefined));
      const startRun = async () => (await engine.start(benchPipeline.name, { text: 'hello' })).runId;
      const finishedRun = (runId: string) => signals.wait(runId, BURST_TIMEOUT_MS);
      const bare = chain;

      await burst(WARMUP_RUNS, startRun, finishedRun);
      await burst(WARMUP_RUNS, () => bare.start(), (id) => bare.finished(id, BURST_TIMEOUT_MS));
      // The floor first, then the engine, then the floor again: a machine that slows down during the engine's burst shows as two different floors.
      const floorBefore = await burst(RUNS, () => bare.start(), (id) => bare.finished(id, BURST_TIMEOUT_MS));
      const measured = await burst(RUNS, startRun, finishedRun);
      const floorAfter = await burst(RUNS, () => bare.start(), (id) => bare.finished(id, BURST_TIMEOUT_MS));
      const floor = (floorBefore.runsPerSecond + floorAfter.runsPerSecond) / 2;
      console.error(`bench: throughput floor ${floorBefore.runsPerSecond.toFixed(0)} then ${floorAfter.runsPerSecond.toFixed(0)} runs/s`);

      const { rows } = await database.sql.query<{ status: string; runs: string }>('SELECT status, count(*) AS runs FROM runs GROUP BY status');
      const unfinished = rows.filter((row) => row.status !== 'succeeded');
      if (unfinished.length > 0) throw new Error(`throughput: runs not succeeded: ${JSON.stringify(unfinished)}`);

      return [
        createFigure({
          name: 'runs per second',
          value: measured.runsPerSecond,
          unit: 'runs/s',
          baseline: { name: 'bare chains per second, mean of before and after', value: floor },
          target: { op: '>=', value: THROUGHPUT_RATIO_TARGET, of: 'ratio' },
        }),
        createFigure({ name: 'steps per second', value: measured.runsPerSecond * PIPELINE_STEPS, unit: 'steps/s', baseline: { name: 'bare chain jobs per second', value: floor * PIPELINE_STEPS } }),
        createFigure({ name: 'run latency p50 in the burst', value: measured.latencyP50, unit: 'ms', baseline: { name: 'bare chain p50 in its burst', value: (floorBefore.latencyP50 + floorAfter.latencyP50) / 2 } }),
      ];
    } finally {
      await Promise.allSettled([bench?.close(), chain?.close()]);
      await database.close();
    }
  },
};
