import type { SqlClient } from '../store/index.js';
import { nullableNumberOf, numberOf, ratio } from './metric-values.js';
import type { MetricsWindow } from './metrics-window.js';
import type { CheckpointMetrics, StepFigures } from './metrics-snapshot.js';
import { TOTAL } from './run-metrics-query.js';


interface StepRow {
  readonly grouped: string | null;
  readonly is_total: number | string;
  readonly steps: string | number;
  readonly succeeded: string | number;
  readonly failed: string | number;
  readonly passed: string | number;
  readonly repaired: string | number;
  readonly invalid: string | number;
  readonly p50: string | number | null;
  readonly p95: string | number | null;
  readonly cost: string | number | null;
  readonly input_tokens: string | number | null;
  readonly output_tokens: string | number | null;
}

/**
 * Agent steps that ended in the window (effects run no model and have no checkpoint). A step's
 * `step.completed` event says how many model calls it made: two means the first answer failed
 * validation and the repair call fixed it.
 */
export async function queryStepFigures(sql: SqlClient, window: MetricsWindow, by: 'workflow' | 'agent'): Promise<Map<string, StepFigures>> {
  const column = by === 'workflow' ? 'r.name' : 's.agent';
  const { rows } = await sql.query<StepRow>(
    `SELECT ${column} AS grouped, GROUPING(${column}) AS is_total, count(*) AS steps,
       count(*) FILTER (WHERE s.status = 'succeeded') AS succeeded,
       count(*) FILTER (WHERE s.status = 'failed') AS failed,
       count(*) FILTER (WHERE s.status = 'succeeded' AND coalesce(calls.made, 1) <= 1) AS passed,
       count(*) FILTER (WHERE s.status = 'succeeded' AND calls.made > 1) AS repaired,
       count(*) FILTER (WHERE s.status = 'failed' AND s.error ->> 'code' = 'model_output_invalid') AS invalid,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY s.latency_ms) AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY s.latency_ms) AS p95,
       sum(s.cost_usd) AS cost, sum(s.input_tokens) AS input_tokens, sum(s.output_tokens) AS output_tokens
     FROM steps s
     JOIN runs r ON r.id = s.run_id
     LEFT JOIN LATERAL (
       SELECT (e.data ->> 'calls')::int AS made FROM run_events e
       WHERE e.run_id = s.run_id AND e.step = s.name AND e.type = 'step.completed' AND e.data ->> 'stepId' = s.id LIMIT 1
     ) calls ON true
     WHERE s.finished_at >= $1 AND s.finished_at < $2 AND s.agent IS NOT NULL AND s.agent NOT LIKE 'effect:%'
       AND s.status IN ('succeeded', 'failed') AND ($3::text IS NULL OR r.name = $3)
       ${by === 'workflow' ? "AND r.kind = 'workflow'" : ''}
     GROUP BY GROUPING SETS ((${column}), ())`,
    [window.since, window.until, window.workflow ?? null],
  );
  return new Map(rows.map((row) => [numberOf(row.is_total) === 1 ? TOTAL : (row.grouped ?? ''), toFigures(row)]));
}

function toFigures(row: StepRow): StepFigures {
  const passedFirstTime = numberOf(row.passed);
  const repaired = numberOf(row.repaired);
  const invalid = numberOf(row.invalid);
  const validated = passedFirstTime + repaired + invalid;
  return {
    steps: numberOf(row.steps),
    succeeded: numberOf(row.succeeded),
    failed: numberOf(row.failed),
    checkpoint: { validated, passedFirstTime, repaired, invalid, passRate: ratio(passedFirstTime, validated) },
    latencyMs: { p50: nullableNumberOf(row.p50), p95: nullableNumberOf(row.p95) },
    costUsd: numberOf(row.cost),
    inputTokens: numberOf(row.input_tokens),
    outputTokens: numberOf(row.output_tokens),
  };
}

export const EMPTY_CHECKPOINT: CheckpointMetrics = { validated: 0, passedFirstTime: 0, repaired: 0, invalid: 0, passRate: null };
