import { createHash } from 'node:crypto';
import type { SqlClient } from '../../store/index.js';

export interface ReviewRate {
  /** Share of items a human reviews: 1, 0.5 or 0.1, never 0. */
  readonly rate: number;
  readonly reason: string;
  readonly daysOfData: number;
  readonly decisions: number;
  readonly unchangedShare: number | null;
}

const DAY_MS = 86_400_000;
const MIN_DECISIONS = 20;

/**
 * Progressive automation (seed 000): review everything until 30 days of quality data show the
 * agent is reliable (nine in ten approved unchanged), then half, then after another 30 days of
 * consistent quality (19 in 20) a 10% spot check. Computed from recorded human outcomes.
 */
export function rateFromOutcomes(outcomes: { firstDecisionAt: Date | null; decisions: number; unchanged: number }, now: Date): ReviewRate {
  const daysOfData = outcomes.firstDecisionAt === null ? 0 : Math.floor((now.getTime() - outcomes.firstDecisionAt.getTime()) / DAY_MS);
  const unchangedShare = outcomes.decisions === 0 ? null : outcomes.unchanged / outcomes.decisions;
  const base = { daysOfData, decisions: outcomes.decisions, unchangedShare };
  if (daysOfData < 30 || outcomes.decisions < MIN_DECISIONS) return { ...base, rate: 1, reason: 'fewer than 30 days or 20 decisions of quality data' };
  if (unchangedShare === null || unchangedShare < 0.9) return { ...base, rate: 1, reason: 'under 90% of items approved unchanged in the last 30 days' };
  if (daysOfData >= 60 && unchangedShare >= 0.95) return { ...base, rate: 0.1, reason: '60+ days of data and 95%+ approved unchanged: spot checks' };
  return { ...base, rate: 0.5, reason: '30+ days of data and 90%+ approved unchanged' };
}

export async function reviewRate(sql: SqlClient, gate: { workflow: string; action: string }, now: Date): Promise<ReviewRate> {
  const { rows } = await sql.query<{ first: Date | string | null; decisions: string | number; unchanged: string | number }>(
    `SELECT (SELECT min(decided_at) FROM approvals WHERE workflow = $1 AND action = $2 AND sampled AND decided_by NOT LIKE 'policy:%') AS first,
            count(*) AS decisions, count(*) FILTER (WHERE status = 'approved') AS unchanged
       FROM approvals
      WHERE workflow = $1 AND action = $2 AND sampled AND decided_by NOT LIKE 'policy:%'
        AND status IN ('approved', 'edited', 'rejected') AND decided_at > $3::timestamptz - interval '30 days'`,
    [gate.workflow, gate.action, now.toISOString()],
  );
  const row = rows[0];
  const first = row?.first === null || row?.first === undefined ? null : new Date(row.first);
  return rateFromOutcomes({ firstDecisionAt: first, decisions: Number(row?.decisions ?? 0), unchanged: Number(row?.unchanged ?? 0) }, now);
}

/** The same item always gets the same answer, so a retried plan does not flip a sampling decision. */
export function isSampled(itemKey: string, rate: number): boolean {
  if (rate >= 1) return true;
  const bucket = createHash('sha256').update(itemKey).digest().readUInt32BE(0) / 0x1_0000_0000;
  return bucket < rate;
}
