import { randomUUID } from 'node:crypto';
import type { Engine } from '../engine/engine.js';
import type { WorkflowDefinition } from '../engine/workflow/define-workflow.js';
import type { SqlClient } from '../store/index.js';
import { compareWithPrevious } from './drift.js';
import { summariseCases } from './eval-metrics.js';
import { findPreviousEval, saveWorkflowEval, summariseForDrift, type EvalMode, type WorkflowEval } from './eval-run-store.js';
import type { GoldenSet } from './golden-case-schema.js';
import { runGoldenCase, type CaseResult } from './run-golden-case.js';

/** Where one golden set runs: an engine whose step workers are running, on data of its own. */
export interface EvalWorld {
  readonly engine: Engine;
  /** Said in the progress line, so a person can tell where the runs went. */
  readonly location: string;
  close(): Promise<void>;
}

export interface EvaluateOptions {
  /**
   * Opens a fresh world for each set and closes it when the set is done: cases never run on
   * real data, and each eval starts from the same CRM, so evals repeat.
   */
  readonly openWorld: (set: GoldenSet) => Promise<EvalWorld>;
  /** Where the evals are stored and the previous ones read: the configured store, so drift spans evals. */
  readonly sql: SqlClient;
  readonly sets: readonly GoldenSet[];
  readonly mode: EvalMode;
  /** Who the eval decides as at gates; defaults to `eval`. */
  readonly reviewer?: string;
  /** Per case. */
  readonly timeoutMs: number;
  /** A rate falling by more than this since the previous eval is drift; defaults to 0.05. */
  readonly driftThreshold?: number;
  /** Cases run at once; defaults to 4. */
  readonly concurrency?: number;
  /** Called as each case ends, for progress. */
  readonly onCase?: (workflow: string, result: CaseResult) => void;
  /** Called when a set's world is open, before its first case. */
  readonly onWorld?: (workflow: string, world: EvalWorld) => void;
}

export interface EvalOutcome {
  readonly batchId: string;
  readonly mode: EvalMode;
  readonly evaluations: readonly WorkflowEval[];
  /** Every case of every set met its expectations. */
  readonly passed: boolean;
  /** Some workflow's figures fell since its previous eval. */
  readonly drifted: boolean;
}

/**
 * Runs each golden set through the engine, scores it, compares it with the previous eval of
 * the same workflow and mode, and stores it. Each workflow's eval is stored as soon as it ends.
 */
export async function evaluateGoldenSets(options: EvaluateOptions): Promise<EvalOutcome> {
  const batchId = randomUUID();
  const evaluations: WorkflowEval[] = [];
  for (const set of options.sets) evaluations.push(await evaluateSet(options, set, batchId));
  return {
    batchId,
    mode: options.mode,
    evaluations,
    passed: evaluations.every((evaluation) => evaluation.metrics.passed === evaluation.metrics.cases),
    drifted: evaluations.some((evaluation) => evaluation.drift.drifted),
  };
}

async function evaluateSet(options: EvaluateOptions, set: GoldenSet, batchId: string): Promise<WorkflowEval> {
  const id = randomUUID();
  const startedAt = new Date().toISOString();
  const world = await options.openWorld(set);
  let definition: WorkflowDefinition;
  let results: CaseResult[];
  try {
    options.onWorld?.(set.workflow, world);
    definition = world.engine.workflows.get(set.workflow);
    const caseOptions = { engine: world.engine, definition, evalRunId: id, reviewer: options.reviewer ?? 'eval', timeoutMs: options.timeoutMs };
    results = await mapInBatches(set.cases, set.world.sequential ? 1 : (options.concurrency ?? 4), async (goldenCase) => {
      const result = await runGoldenCase(caseOptions, goldenCase);
      options.onCase?.(set.workflow, result);
      return result;
    });
  } finally {
    await world.close();
  }
  const metrics = summariseCases(results);
  const previous = await findPreviousEval(options.sql, set.workflow, options.mode);
  const drift = compareWithPrevious({ metrics, cases: summariseForDrift(results), goldenDigest: set.digest }, previous, options.driftThreshold ?? 0.05);
  const evaluation: WorkflowEval = {
    id,
    batchId,
    workflow: set.workflow,
    workflowVersion: definition.version,
    mode: options.mode,
    goldenDigest: set.digest,
    metrics,
    results,
    drift,
    startedAt,
    finishedAt: new Date().toISOString(),
  };
  await saveWorkflowEval(options.sql, evaluation);
  return evaluation;
}

/** Results in the order of `items`, with at most `size` in flight. */
async function mapInBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, lane));
  return results;
}
