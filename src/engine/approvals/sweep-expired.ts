import type { SqlClient } from '../../store/index.js';
import { jsonParam, lockRun } from '../../store/run-sql.js';
import { advanceRun } from '../runtime/advance-run.js';
import { commitAndEnqueue, type EngineContext } from '../runtime/engine-context.js';
import type { ApprovalRow } from './approval-rows.js';

/** An approval escalates once; after that, an expiry rejects it, so nothing waits forever. */
const MAX_ESCALATIONS = 1;

/**
 * Expired approvals, per the policy copied onto each when it opened: escalate to the policy's
 * escalation reviewers with a fresh expiry, or reject. Runs from a scheduler, not from timers:
 * a paused run holds nothing in memory. Each approval is settled in its own commit, skipping
 * rows another sweeper holds.
 */
export async function sweepExpiredApprovals(context: EngineContext, limit = 100): Promise<{ escalated: number; expired: number }> {
  const { rows } = await context.sql.query<{ id: string }>(
    `SELECT id FROM approvals WHERE status = 'pending' AND expires_at <= now() ORDER BY expires_at LIMIT $1`,
    [limit],
  );
  const counts = { escalated: 0, expired: 0 };
  for (const { id } of rows) {
    const outcome = await commitAndEnqueue(context, (transaction) => settleExpired(transaction, context, id));
    if (outcome.kind !== 'skipped') counts[outcome.kind] += 1;
  }
  return counts;
}

type Settled = { kind: 'escalated' | 'expired' | 'skipped'; jobs: [] | Awaited<ReturnType<typeof advanceRun>>['jobs'] };

async function settleExpired(transaction: SqlClient, context: EngineContext, approvalId: string): Promise<Settled> {
  // The run first, then the approval: the order every other writer (decisions, step endings, cancels) takes.
  const owner = await transaction.query<{ run_id: string }>('SELECT run_id FROM approvals WHERE id = $1', [approvalId]);
  const runId = owner.rows[0]?.run_id;
  if (runId === undefined) return { kind: 'skipped', jobs: [] };
  await lockRun(transaction, runId);
  const { rows } = await transaction.query<ApprovalRow>(
    `SELECT * FROM approvals WHERE id = $1 AND status = 'pending' AND expires_at <= now() FOR UPDATE SKIP LOCKED`,
    [approvalId],
  );
  const row = rows[0];
  if (row === undefined) return { kind: 'skipped', jobs: [] };
  if (row.policy.onExpiry === 'escalate' && row.escalation_level < MAX_ESCALATIONS) {
    await transaction.query(
      `UPDATE approvals SET escalation_level = escalation_level + 1, reviewers = $2::jsonb,
         expires_at = now() + make_interval(mins => $3) WHERE id = $1`,
      [row.id, jsonParam(row.policy.escalateTo, 'escalation reviewers'), row.policy.expiresInMinutes],
    );
    await transaction.query(`INSERT INTO run_events (run_id, trace_id, step, type, data) VALUES ($1, $2, $3, 'approval.escalated', $4::jsonb)`, [
      row.run_id,
      row.trace_id,
      row.step,
      jsonParam({ approvalId: row.id, level: row.escalation_level + 1, reviewers: row.policy.escalateTo }, 'event'),
    ]);
    return { kind: 'escalated', jobs: [] };
  }
  await transaction.query(`UPDATE approvals SET status = 'expired', decided_by = 'policy:expired', decided_at = now(), reason = 'expired without a decision' WHERE id = $1`, [row.id]);
  const advanced = await advanceRun(transaction, context, row.run_id, { events: [{ type: 'approval.expired', step: row.step, data: { approvalId: row.id } }] });
  return { kind: 'expired', jobs: advanced.jobs };
}
