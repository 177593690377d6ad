import { loadConfig } from '../src/config.js';
import { createAnthropicTransport, createModelClient, type ModelClient } from '../src/model/index.js';
import { FakeAnthropicServer } from '../test/fakes/fake-anthropic-server.js';
import type { Benchmark, Figure } from './benchmark-types.js';
import { benchBranch, benchCriticalPath, benchMerge, benchMergeOne, CRITICAL_PATH_LAST_KEY, FAN_OUT_MERGE_KEY, fanOutWorkflow, toolOf } from './bench-workflows.js';
import { createFigure } from './create-figure.js';
import { createBenchEngine, JobSignals, median, openBenchDatabase, stepKey, type BenchDatabase, type BenchEngine } from './engine-bench-kit.js';

const API_KEY = 'bench-key';
/** The simulated model latency of every branch; the merges answer at once. */
const BRANCH_LATENCY_MS = 100;
/**
 * Widths and their targets, from the product owner. Efficiency is the ideal wall time over the
 * measured one; the ideal is the fan-out's critical path, one branch and then the merge, run
 * through the same engine and workers (workflow `bench_critical_path`), so the figure isolates
 * what width costs.
 */
const WIDTHS = [
  { width: 8, target: 0.9, repeats: 5 },
  { width: 32, target: 0.8, repeats: 5 },
  { width: 128, target: 0.6, repeats: 3 },
] as const;
const IDEAL_REPEATS = 5;
/** 4 workers x concurrency 32 = 128 steps in flight: every branch of the widest fan-out at once. */
const WORKERS = 4;
const CONCURRENCY = 32;
const POOL_SIZE = 32;
/** The settings' `budgets.maxStepsPerRun` defaults to 50, which refuses a 128-branch fan-out (129 steps) at start. */
const MAX_STEPS_PER_RUN = 200;

export const fanOutEfficiency: Benchmark = {
  name: 'fan-out-efficiency',
  description: `fan-outs of ${WIDTHS.map((entry) => entry.width).join(', ')} branches of ${BRANCH_LATENCY_MS} ms model latency (real Anthropic transport to the fake Messages API) on ${WORKERS} workers x concurrency ${CONCURRENCY}, pool ${POOL_SIZE}, maxStepsPerRun ${MAX_STEPS_PER_RUN}, vs one branch then the merge`,
  async run({ logger }) {
    const fake = new FakeAnthropicServer({ apiKey: API_KEY });
    await fake.start();
    let database: BenchDatabase | undefined;
    let bench: BenchEngine | undefined;
    try {
      fake.respond(toolOf(benchBranch), () => ({ delayMs: BRANCH_LATENCY_MS, then: { reply: { facts: ['a fact'] } } }));
      fake.respond(toolOf(benchMerge), (request) => ({ reply: { summary: 'merged', count: countBranches(request.body) } }));
      fake.respond(toolOf(benchMergeOne), () => ({ reply: { summary: 'merged', count: 1 } }));
      const config = loadConfig({ ANTHROPIC_API_KEY: API_KEY, ANTHROPIC_BASE_URL: fake.url }).model;
      const model: ModelClient = createModelClient({ config, transport: createAnthropicTransport({ config, logger }), logger });
      database = await openBenchDatabase({ maxConnections: POOL_SIZE, logger });
      const fanOuts = WIDTHS.map((entry) => ({ ...entry, workflow: fanOutWorkflow(entry.width) }));
      bench = await createBenchEngine({ sql: database.sql, workflows: [benchCriticalPath, ...fanOuts.map((entry) => entry.workflow)], logger, label: 'fan-out', model, maxStepsPerRun: MAX_STEPS_PER_RUN });
      const workers = await bench.startWorkers(WORKERS, CONCURRENCY);
      const completed = new JobSignals(workers, 'completed', stepKey);
      const engine = bench.engine;
      const wallTime = async (workflow: string, lastKey: string) => {
        const began = performance.now();
        const { runId } = await engine.start(workflow, { topic: 'acme' });
        const ended = (await completed.wait(`${runId}:${lastKey}`)) - began;
        const run = await engine.getRun(runId);
        if (run.status !== 'succeeded') throw new Error(`fan-out-efficiency: ${workflow} run ${runId} is ${run.status}`);
        return ended;
      };

      // Warm-up: JIT, pooled connections to PostgreSQL and to the fake, the workers' fetch loops.
      await wallTime(benchCriticalPath.name, CRITICAL_PATH_LAST_KEY);
      for (const entry of fanOuts) await wallTime(entry.workflow.name, FAN_OUT_MERGE_KEY);

      // Rounds interleave the ideal and every width, so drift hits all of them alike.
      const ideal: number[] = [];
      const measured = new Map<number, number[]>(fanOuts.map((entry) => [entry.width, []]));
      for (let round = 0; round < Math.max(IDEAL_REPEATS, ...fanOuts.map((entry) => entry.repeats)); round += 1) {
        if (round < IDEAL_REPEATS) ideal.push(await wallTime(benchCriticalPath.name, CRITICAL_PATH_LAST_KEY));
        for (const entry of fanOuts) {
          if (round < entry.repeats) measured.get(entry.width)?.push(await wallTime(entry.workflow.name, FAN_OUT_MERGE_KEY));
        }
      }
      // The two model calls of the critical path without the engine: the floor under the ideal.
      const calls: number[] = [];
      for (let round = 0; round < IDEAL_REPEATS; round += 1) {
        const began = performance.now();
        await callDirect(model, benchBranch);
        await callDirect(model, benchMergeOne);
        calls.push(performance.now() - began);
      }

      const idealMs = median(ideal);
      const figures: Figure[] = [
        createFigure({ name: 'ideal: one branch then the merge, p50', value: idealMs, unit: 'ms', baseline: { name: 'the two model calls alone', value: median(calls) } }),
      ];
      for (const entry of fanOuts) {
        const wall = median(measured.get(entry.width) ?? []);
        figures.push(
          createFigure({ name: `K=${entry.width} wall time p50`, value: wall, unit: 'ms', baseline: { name: 'ideal', value: idealMs } }),
          createFigure({ name: `K=${entry.width} efficiency, ideal / measured`, value: idealMs / wall, unit: 'ratio', target: { op: '>=', value: entry.target, of: 'value' } }),
        );
      }
      return figures;
    } finally {
      await bench?.close();
      await database?.close();
      await fake.close();
    }
  },
};

/** How many branch outputs the merge request carried, read from the rendered input. */
function countBranches(body: unknown): number {
  const text = JSON.stringify(body);
  return (text.match(/a fact/g) ?? []).length;
}

/** The call the runner makes for `agent`, straight to the model client. */
async function callDirect(model: ModelClient, agent: typeof benchBranch | typeof benchMergeOne): Promise<void> {
  await model.generate<unknown>({
    agent: agent.name,
    tier: agent.tier,
    system: 'bench',
    user: 'topic: acme',
    schema: agent.output,
    toolName: toolOf(agent),
    toolDescription: `Submit the ${agent.name} answer.`,
    simulate: () => ({}),
  });
}
