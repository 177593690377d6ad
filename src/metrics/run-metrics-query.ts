import type { SqlClient } from '../store/index.js';
import { nullableNumberOf, numberOf } from './metric-values.js';
import type { MetricsWindow } from './metrics-window.js';
import type { Percentiles, WorkflowMetrics } from './metrics-snapshot.js';

/** The key of the row over every workflow in a grouped result. */
export const TOTAL = 'total';

export interface RunFigures {
  readonly runs: number;
  readonly byStatus: WorkflowMetrics['byStatus'];
  readonly latencyMs: Percentiles;
  readonly costUsd: number;
  readonly costPerRunUsd: number | null;
  readonly intervened: number;
}

interface RunRow {
  readonly workflow: string | null;
  readonly is_total: number | string;
  readonly runs: string | number;
  readonly queued: string | number;
  readonly running: string | number;
  readonly waiting: string | number;
  readonly succeeded: string | number;
  readonly partial: string | number;
  readonly failed: string | number;
  readonly cancelled: string | number;
  readonly p50: string | number | null;
  readonly p95: string | number | null;
  readonly cost: string | number | null;
  readonly cost_per_run: string | number | null;
  readonly intervened: string | number;
}

/**
 * A person intervened when an approval waited for one (not settled at once by a low-risk or
 * sampling policy) or when something of the run reached the dead letters.
 */
const NEEDED_A_PERSON = `
  EXISTS (SELECT 1 FROM approvals a WHERE a.run_id = r.id
          AND coalesce(a.decided_by, '') NOT LIKE 'policy:low-risk' AND coalesce(a.decided_by, '') NOT LIKE 'policy:not-sampled%')
  OR EXISTS (SELECT 1 FROM dead_letters d WHERE d.run_id = r.id)`;

const FINISHED = `r.finished_at IS NOT NULL AND r.status IN ('succeeded', 'partial', 'failed')`;

/** Workflow runs created in the window, per workflow and in total (GROUPING SETS keeps percentiles exact for both). */
export async function queryRunFigures(sql: SqlClient, window: MetricsWindow): Promise<Map<string, RunFigures>> {
  const { rows } = await sql.query<RunRow>(
    `SELECT r.name AS workflow, GROUPING(r.name) AS is_total, count(*) AS runs,
       count(*) FILTER (WHERE r.status = 'queued') AS queued,
       count(*) FILTER (WHERE r.status = 'running') AS running,
       count(*) FILTER (WHERE r.status = 'waiting_for_human') AS waiting,
       count(*) FILTER (WHERE r.status = 'succeeded') AS succeeded,
       count(*) FILTER (WHERE r.status = 'partial') AS partial,
       count(*) FILTER (WHERE r.status = 'failed') AS failed,
       count(*) FILTER (WHERE r.status = 'cancelled') AS cancelled,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.finished_at - r.created_at) * 1000) FILTER (WHERE ${FINISHED}) AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM r.finished_at - r.created_at) * 1000) FILTER (WHERE ${FINISHED}) AS p95,
       sum(r.cost_usd) AS cost,
       avg(r.cost_usd) FILTER (WHERE r.finished_at IS NOT NULL) AS cost_per_run,
       count(*) FILTER (WHERE ${NEEDED_A_PERSON}) AS intervened
     FROM runs r
     WHERE r.kind = 'workflow' AND r.created_at >= $1 AND r.created_at < $2 AND ($3::text IS NULL OR r.name = $3)
     GROUP BY GROUPING SETS ((r.name), ())`,
    [window.since, window.until, window.workflow ?? null],
  );
  return new Map(rows.map((row) => [numberOf(row.is_total) === 1 ? TOTAL : (row.workflow ?? ''), toFigures(row)]));
}

function toFigures(row: RunRow): RunFigures {
  return {
    runs: numberOf(row.runs),
    byStatus: {
      queued: numberOf(row.queued),
      running: numberOf(row.running),
      waiting_for_human: numberOf(row.waiting),
      succeeded: numberOf(row.succeeded),
      partial: numberOf(row.partial),
      failed: numberOf(row.failed),
      cancelled: numberOf(row.cancelled),
    },
    latencyMs: { p50: nullableNumberOf(row.p50), p95: nullableNumberOf(row.p95) },
    costUsd: numberOf(row.cost),
    costPerRunUsd: nullableNumberOf(row.cost_per_run),
    intervened: numberOf(row.intervened),
  };
}
