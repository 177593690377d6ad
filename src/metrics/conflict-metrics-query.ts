import type { SqlClient } from '../store/index.js';
import { numberOf, ratio } from './metric-values.js';
import type { MetricsWindow } from './metrics-window.js';
import type { WorkflowMetrics } from './metrics-snapshot.js';
import { TOTAL } from './run-metrics-query.js';

interface ConflictRow {
  readonly workflow: string | null;
  readonly is_total: number | string;
  readonly change_sets: string | number;
  readonly conflicted: string | number;
}

/**
 * Seed 004's conflict rate: how often agents' writes to the same record collide. Both sides of a
 * resolved conflict keep it in their decision; a write that met a record changed underneath it
 * ends `conflicted`. Change sets made outside a run count in the total only.
 */
export async function queryConflictFigures(sql: SqlClient, window: MetricsWindow): Promise<Map<string, WorkflowMetrics['conflicts']>> {
  const { rows } = await sql.query<ConflictRow>(
    `SELECT coalesce(r.name, '') AS workflow, GROUPING(coalesce(r.name, '')) AS is_total, count(*) AS change_sets,
       count(*) FILTER (WHERE c.status IN ('superseded', 'conflicted')
         OR (jsonb_typeof(c.decision -> 'conflicts') = 'array' AND jsonb_array_length(c.decision -> 'conflicts') > 0)) AS conflicted
     FROM crm_change_sets c LEFT JOIN runs r ON r.id = c.run_id
     WHERE c.created_at >= $1 AND c.created_at < $2 AND ($3::text IS NULL OR r.name = $3)
     GROUP BY GROUPING SETS ((coalesce(r.name, '')), ())`,
    [window.since, window.until, window.workflow ?? null],
  );
  return new Map(
    rows.map((row) => {
      const changeSets = numberOf(row.change_sets);
      const conflicted = numberOf(row.conflicted);
      return [numberOf(row.is_total) === 1 ? TOTAL : (row.workflow ?? ''), { changeSets, conflicted, rate: ratio(conflicted, changeSets) }];
    }),
  );
}

export const EMPTY_CONFLICTS: WorkflowMetrics['conflicts'] = { changeSets: 0, conflicted: 0, rate: null };
