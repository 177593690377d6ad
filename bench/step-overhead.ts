import type { Benchmark } from './benchmark-types.js';
import { createBareChain } from './bare-chain.js';
import { benchPipeline, PIPELINE_LAST_KEY, PIPELINE_STEPS } from './bench-workflows.js';
import { countCommits } from './count-commits.js';
import { createFigure } from './create-figure.js';
import { ADMIN_URL, createBenchEngine, JobSignals, openBenchDatabase, SHIPPED_QUEUE_SETTINGS } from './engine-bench-kit.js';
import { measureSideBySide } from './measure.js';
import { countRedis, describeTally } from './redis-round-trips.js';

/** Runs counted for Redis round trips and PostgreSQL commits, on each side. */
const COUNTED_RUNS = 50;
/** From the product owner: the engine may at most double a bare BullMQ chain's latency. */
const LATENCY_RATIO_TARGET = 2;
/** From the product owner: Redis round trips per step, everything the process sends included. */
const ROUND_TRIPS_TARGET = 6;
/**
 * From the product owner. The engine's write path per step is one completion transaction
 * (record-step.ts: end the step row, lock and re-plan the run, insert the next pending steps,
 * update the run, insert the events; COMMIT), then the enqueue. Starting a run is one more
 * commit per run (start-run.ts: the run and its first steps). So the target applies to
 * (commits − runs) / steps; total / steps is reported beside it.
 */
const COMMITS_PER_STEP_TARGET = 1;

export const stepOverhead: Benchmark = {
  name: 'step-overhead',
  description: `a ${PIPELINE_STEPS}-step pipeline (offline model) through engine + BullMQ worker, one run at a time, vs a bare ${PIPELINE_STEPS}-job BullMQ chain with one PostgreSQL insert per job`,
  async run({ logger }) {
    // One connection on each side: one run at a time needs no more, and counting commits needs it (count-commits.ts).
    const database = await openBenchDatabase({ maxConnections: 1, logger });
    const bench = await createBenchEngine({ sql: database.sql, workflows: [benchPipeline], logger, label: 'overhead' });
    const chain = await createBareChain({ databaseUrl: database.url, steps: PIPELINE_STEPS, maxConnections: 1, logger });
    try {
      // One worker each at the shipped concurrency, as `baton worker` would run.
      const concurrency = SHIPPED_QUEUE_SETTINGS.concurrency;
      const workers = await bench.startWorkers(1, concurrency);
      await chain.startWorkers(1, concurrency);
      const finished = new JobSignals(workers, 'completed', (job) => (job.data.key === PIPELINE_LAST_KEY ? job.data.runId : undefined));
      const runEngine = async () => {
        const { runId } = await bench.engine.start(benchPipeline.name, { text: 'hello' });
        await finished.wait(runId);
      };
      const runChain = async () => {
        await chain.finished(await chain.start());
      };
      const timings = await measureSideBySide({ engine: runEngine, chain: runChain }, { warmup: 20, iterations: 400, budgetMs: 8_000 });

      const repeat = (work: () => Promise<void>) => async () => {
        for (let run = 0; run < COUNTED_RUNS; run += 1) await work();
      };
      const where = { adminUrl: ADMIN_URL, database: database.name };
      let engineCommits = 0;
      let chainCommits = 0;
      const engineRedis = await countRedis(async () => {
        engineCommits = await countCommits({ ...where, onSameConnection: (text) => database.sql.query(text), work: repeat(runEngine) });
      });
      const chainRedis = await countRedis(async () => {
        chainCommits = await countCommits({ ...where, onSameConnection: (text) => chain.pool.query(text), work: repeat(runChain) });
      });
      const steps = COUNTED_RUNS * PIPELINE_STEPS;
      console.error(`bench: step-overhead Redis commands per step, engine: ${describeTally(engineRedis, steps)}; chain: ${describeTally(chainRedis, steps)}`);

      return [
        createFigure({
          name: 'run end to end p50',
          value: timings.engine.p50,
          unit: 'ms',
          baseline: { name: 'bare chain p50', value: timings.chain.p50 },
          target: { op: '<=', value: LATENCY_RATIO_TARGET, of: 'ratio' },
        }),
        createFigure({ name: 'run end to end p99', value: timings.engine.p99, unit: 'ms', baseline: { name: 'bare chain p99', value: timings.chain.p99 } }),
        createFigure({ name: 'engine cost per step beyond the chain, p50', value: (timings.engine.p50 - timings.chain.p50) / PIPELINE_STEPS, unit: 'ms' }),
        createFigure({
          name: 'Redis round trips per step',
          value: engineRedis.roundTrips / steps,
          unit: 'round trips',
          baseline: { name: 'bare chain', value: chainRedis.roundTrips / steps },
          target: { op: '<=', value: ROUND_TRIPS_TARGET, of: 'value' },
        }),
        createFigure({
          name: "Redis round trips per step, the engine's own (enqueue)",
          value: (engineRedis.byConnection['producer'] ?? 0) / steps,
          unit: 'round trips',
          baseline: { name: "bare chain's adds", value: (chainRedis.byConnection['producer'] ?? 0) / steps },
        }),
        createFigure({ name: 'Redis commands per step', value: engineRedis.commands / steps, unit: 'commands', baseline: { name: 'bare chain', value: chainRedis.commands / steps } }),
        createFigure({
          name: 'PG commits per step, (commits - runs) / steps',
          value: (engineCommits - COUNTED_RUNS) / steps,
          unit: 'commits',
          baseline: { name: 'bare chain, commits / steps', value: chainCommits / steps },
          target: { op: '<=', value: COMMITS_PER_STEP_TARGET, of: 'value' },
        }),
        createFigure({ name: 'PG commits per step, total / steps', value: engineCommits / steps, unit: 'commits', baseline: { name: 'bare chain', value: chainCommits / steps } }),
      ];
    } finally {
      await Promise.allSettled([bench.close(), chain.close()]);
      await database.close();
    }
  },
};
