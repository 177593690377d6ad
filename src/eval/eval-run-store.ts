import { z } from 'zod';
import type { SqlClient } from '../store/index.js';
import type { CaseSummary, DriftReport, PreviousEval } from './drift.js';
import type { EvalMetrics } from './eval-metrics.js';
import type { CaseResult } from './run-golden-case.js';

export type EvalMode = 'offline' | 'model';

export interface WorkflowEval {
  readonly id: string;
  readonly batchId: string;
  readonly workflow: string;
  readonly workflowVersion: string;
  readonly mode: EvalMode;
  readonly goldenDigest: string;
  readonly metrics: EvalMetrics;
  readonly results: readonly CaseResult[];
  readonly drift: DriftReport;
  readonly startedAt: string;
  readonly finishedAt: string;
}

const nullableRate = z.number().nullable();
const StoredMetricsSchema = z.object({
  cases: z.number(),
  passed: z.number(),
  passRate: z.number(),
  schemaValidity: nullableRate,
  ruleCompliance: nullableRate,
  criticPassRate: nullableRate,
  meanIterations: nullableRate,
  agreement: nullableRate,
  decisions: z.number(),
});
const StoredCaseSchema = z.object({ id: z.string(), passed: z.boolean(), agreement: z.object({ score: z.number() }).nullable(), score: z.object({ iterations: z.number().optional() }) });

interface EvalRunRow {
  readonly id: string;
  readonly golden_digest: string;
  readonly metrics: unknown;
  readonly results: unknown;
  readonly finished_at: Date | string;
}

/** Records one workflow's eval with its figures, case results and drift report, in one statement. */
export async function saveWorkflowEval(sql: SqlClient, evaluation: WorkflowEval): Promise<void> {
  await sql.query(
    `INSERT INTO eval_runs (id, batch_id, workflow, workflow_version, mode, golden_digest, cases, passed, metrics, results, drift, previous_id, started_at, finished_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13::timestamptz, $14::timestamptz)`,
    [
      evaluation.id,
      evaluation.batchId,
      evaluation.workflow,
      evaluation.workflowVersion,
      evaluation.mode,
      evaluation.goldenDigest,
      evaluation.metrics.cases,
      evaluation.metrics.passed,
      JSON.stringify(evaluation.metrics),
      JSON.stringify(evaluation.results),
      JSON.stringify(evaluation.drift),
      evaluation.drift.previousEvalRunId,
      evaluation.startedAt,
      evaluation.finishedAt,
    ],
  );
}

/** The latest stored eval of a workflow in a mode: an offline eval is never compared with a real model's. */
export async function findPreviousEval(sql: SqlClient, workflow: string, mode: EvalMode): Promise<PreviousEval | undefined> {
  const { rows } = await sql.query<EvalRunRow>(
    'SELECT id, golden_digest, metrics, results, finished_at FROM eval_runs WHERE workflow = $1 AND mode = $2 ORDER BY finished_at DESC, id DESC LIMIT 1',
    [workflow, mode],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const cases = z.array(StoredCaseSchema).parse(row.results);
  return {
    id: row.id,
    finishedAt: new Date(row.finished_at).toISOString(),
    goldenDigest: row.golden_digest,
    metrics: StoredMetricsSchema.parse(row.metrics),
    cases: cases.map((stored) => ({ id: stored.id, passed: stored.passed, agreement: stored.agreement?.score ?? null, iterations: stored.score.iterations ?? null })),
  };
}

export function summariseForDrift(results: readonly CaseResult[]): CaseSummary[] {
  return results.map((result) => ({ id: result.id, passed: result.passed, agreement: result.agreement?.score ?? null, iterations: result.score.iterations ?? null }));
}
