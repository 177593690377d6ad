import type { SqlClient } from '../store/index.js';
import { nullableNumberOf, numberOf, ratio } from './metric-values.js';
import type { MetricsWindow } from './metrics-window.js';
import type { CriticMetrics } from './metrics-snapshot.js';
import { TOTAL } from './run-metrics-query.js';

interface CriticRow {
  readonly workflow: string | null;
  readonly is_total: number | string;
  readonly loops: string | number;
  readonly passed: string | number;
  readonly mean_iterations: string | number | null;
}

/**
 * Producer–critic loops, found by their step keys (`<loop>/<round>/critic`), in runs that
 * finished in the window: a loop of a run still going may have rounds left. A round's verdict
 * is its latest attempt.
 */
export async function queryCriticFigures(sql: SqlClient, window: MetricsWindow): Promise<Map<string, CriticMetrics>> {
  const { rows } = await sql.query<CriticRow>(
    `WITH verdicts AS (
       SELECT DISTINCT ON (s.run_id, s.name) r.name AS workflow, s.run_id,
         regexp_replace(s.name, '/[0-9]+/critic$', '') AS loop_key,
         substring(s.name FROM '/([0-9]+)/critic$')::int AS round,
         coalesce(s.output ->> 'pass' = 'true', false) AS pass
       FROM steps s JOIN runs r ON r.id = s.run_id
       WHERE r.kind = 'workflow' AND r.finished_at >= $1 AND r.finished_at < $2 AND ($3::text IS NULL OR r.name = $3)
         AND s.status = 'succeeded' AND s.name ~ '/[0-9]+/critic$'
       ORDER BY s.run_id, s.name, s.attempt DESC
     ), loops AS (
       SELECT workflow, run_id, loop_key, max(round) AS rounds, bool_or(pass) AS passed FROM verdicts GROUP BY workflow, run_id, loop_key
     )
     SELECT workflow, GROUPING(workflow) AS is_total, count(*) AS loops, count(*) FILTER (WHERE passed) AS passed, avg(rounds) AS mean_iterations
     FROM loops GROUP BY GROUPING SETS ((workflow), ())`,
    [window.since, window.until, window.workflow ?? null],
  );
  return new Map(
    rows.map((row) => {
      const loops = numberOf(row.loops);
      const passed = numberOf(row.passed);
      const figures: CriticMetrics = { loops, passed, passRate: ratio(passed, loops), meanIterations: loops === 0 ? null : nullableNumberOf(row.mean_iterations) };
      return [numberOf(row.is_total) === 1 ? TOTAL : (row.workflow ?? ''), figures];
    }),
  );
}

export const EMPTY_CRITIC: CriticMetrics = { loops: 0, passed: 0, passRate: null, meanIterations: null };
