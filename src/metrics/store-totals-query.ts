import type { SqlClient } from '../store/index.js';
import { numberOf } from './metric-values.js';
import type { MetricsWindow } from './metrics-window.js';
import type { DeadLetterMetrics, MetricsSnapshot } from './metrics-snapshot.js';

/** Spend per UTC day of the window, from the steps (a run spanning midnight counts on both days). */
export async function queryCostPerDay(sql: SqlClient, window: MetricsWindow): Promise<MetricsSnapshot['costPerDay']> {
  const { rows } = await sql.query<{ day: string | Date; cost: string | number }>(
    `SELECT to_char(date_trunc('day', s.finished_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, sum(s.cost_usd) AS cost
     FROM steps s JOIN runs r ON r.id = s.run_id
     WHERE s.finished_at >= $1 AND s.finished_at < $2 AND ($3::text IS NULL OR r.name = $3)
     GROUP BY 1 ORDER BY 1`,
    [window.since, window.until, window.workflow ?? null],
  );
  return rows.map((row) => ({ day: String(row.day), costUsd: numberOf(row.cost) }));
}

export async function queryDeadLetters(sql: SqlClient, window: MetricsWindow): Promise<DeadLetterMetrics> {
  const { rows } = await sql.query<{ open: string | number; created: string | number }>(
    `SELECT count(*) FILTER (WHERE d.status = 'open') AS open,
       count(*) FILTER (WHERE d.created_at >= $1 AND d.created_at < $2) AS created
     FROM dead_letters d LEFT JOIN runs r ON r.id = d.run_id
     WHERE $3::text IS NULL OR r.name = $3`,
    [window.since, window.until, window.workflow ?? null],
  );
  return { open: numberOf(rows[0]?.open), createdInWindow: numberOf(rows[0]?.created) };
}
