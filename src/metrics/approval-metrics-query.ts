import type { SqlClient } from '../store/index.js';
import { nullableNumberOf, numberOf, ratio } from './metric-values.js';
import type { MetricsWindow } from './metrics-window.js';
import type { ApprovalMetrics } from './metrics-snapshot.js';
import { TOTAL } from './run-metrics-query.js';

interface ApprovalRow {
  readonly workflow: string | null;
  readonly is_total: number | string;
  readonly approved: string | number;
  readonly edited: string | number;
  readonly rejected: string | number;
  readonly expired: string | number;
  readonly pending: string | number;
  readonly p50: string | number | null;
  readonly p95: string | number | null;
}

/** A person's decision: settled by a policy (`policy:…`: low risk, not sampled, expired) is not one. */
const BY_A_PERSON = `a.decided_by IS NOT NULL AND a.decided_by NOT LIKE 'policy:%' AND a.status IN ('approved', 'edited', 'rejected')`;
const DECIDED_IN_WINDOW = `a.decided_at >= $1 AND a.decided_at < $2`;

/** Decisions taken in the window and approvals pending now, per workflow and in total. */
export async function queryApprovalFigures(sql: SqlClient, window: MetricsWindow): Promise<Map<string, ApprovalMetrics>> {
  const { rows } = await sql.query<ApprovalRow>(
    `SELECT coalesce(a.workflow, '') AS workflow, GROUPING(coalesce(a.workflow, '')) AS is_total,
       count(*) FILTER (WHERE ${BY_A_PERSON} AND a.status = 'approved' AND ${DECIDED_IN_WINDOW}) AS approved,
       count(*) FILTER (WHERE ${BY_A_PERSON} AND a.status = 'edited' AND ${DECIDED_IN_WINDOW}) AS edited,
       count(*) FILTER (WHERE ${BY_A_PERSON} AND a.status = 'rejected' AND ${DECIDED_IN_WINDOW}) AS rejected,
       count(*) FILTER (WHERE a.status = 'expired' AND ${DECIDED_IN_WINDOW}) AS expired,
       count(*) FILTER (WHERE a.status = 'pending') AS pending,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.decided_at - a.requested_at) * 1000) FILTER (WHERE ${BY_A_PERSON} AND ${DECIDED_IN_WINDOW}) AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM a.decided_at - a.requested_at) * 1000) FILTER (WHERE ${BY_A_PERSON} AND ${DECIDED_IN_WINDOW}) AS p95
     FROM approvals a
     WHERE ((${DECIDED_IN_WINDOW}) OR a.status = 'pending') AND ($3::text IS NULL OR a.workflow = $3)
     GROUP BY GROUPING SETS ((coalesce(a.workflow, '')), ())`,
    [window.since, window.until, window.workflow ?? null],
  );
  return new Map(rows.map((row) => [numberOf(row.is_total) === 1 ? TOTAL : (row.workflow ?? ''), toFigures(row)]));
}

function toFigures(row: ApprovalRow): ApprovalMetrics {
  const approved = numberOf(row.approved);
  const edited = numberOf(row.edited);
  const rejected = numberOf(row.rejected);
  const decided = approved + edited + rejected;
  return {
    decided,
    approved,
    edited,
    rejected,
    expired: numberOf(row.expired),
    pending: numberOf(row.pending),
    shares: { approve: ratio(approved, decided), edit: ratio(edited, decided), reject: ratio(rejected, decided) },
    turnaroundMs: { p50: nullableNumberOf(row.p50), p95: nullableNumberOf(row.p95) },
  };
}

export const EMPTY_APPROVALS: ApprovalMetrics = {
  decided: 0,
  approved: 0,
  edited: 0,
  rejected: 0,
  expired: 0,
  pending: 0,
  shares: { approve: null, edit: null, reject: null },
  turnaroundMs: { p50: null, p95: null },
};
