import type { SqlClient } from '../../store/index.js';
import { reviewRate, type ReviewRate } from './review-rate.js';

export interface GateReviewRate extends ReviewRate {
  readonly workflow: string;
  readonly action: string;
}

/** Every gate that has opened an approval, with the share of its items a person reviews now and why. */
export async function listReviewRates(sql: SqlClient, now: Date): Promise<GateReviewRate[]> {
  const { rows } = await sql.query<{ workflow: string; action: string }>(
    `SELECT DISTINCT workflow, action FROM approvals WHERE kind = 'gate' AND workflow IS NOT NULL ORDER BY workflow, action`,
  );
  return Promise.all(rows.map(async (gate) => ({ ...gate, ...(await reviewRate(sql, gate, now)) })));
}
