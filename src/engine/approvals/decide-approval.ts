import { z } from 'zod';
import { BatonError, formatZodIssues } from '../../errors/index.js';
import type { SqlClient } from '../../store/index.js';
import { jsonParam, lockRun } from '../../store/run-sql.js';
import type { Advanced } from '../runtime/advance-run.js';
import { advanceRun } from '../runtime/advance-run.js';
import { commitAndEnqueue, type EngineContext } from '../runtime/engine-context.js';
import { lockApproval, type ApprovalRow } from './approval-rows.js';
import { editSchemaOf } from './edit-schema.js';
import { fingerprintOf } from './fingerprint.js';
import { recordLabelledExample } from './labelled-example.js';
import { mayDecide, type Reviewer } from './review-policy.js';

export const DecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('edit'), payload: z.unknown() }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(1, 'say why the item is rejected') }),
]);
export type Decision = z.infer<typeof DecisionSchema>;

export interface DecideRequest {
  readonly approvalId: string;
  /** The fingerprint of the item the reviewer saw; a decision on another version is refused. */
  readonly fingerprint: string;
  readonly decision: Decision;
  readonly reviewer: Reviewer & { readonly via: 'slack' | 'mcp' | 'cli' | 'web' };
}

export interface Decided extends Advanced {
  readonly approvalId: string;
  readonly status: Advanced['status'];
  readonly outcome: 'approved' | 'edited' | 'rejected';
}

/**
 * Takes a decision exactly once. The approval row is locked, its status and fingerprint
 * checked, the decision written, audited, and the run advanced, all in one commit: double
 * clicks, two reviewers at once and retried requests all see the first decision and get a
 * conflict naming who took it.
 */
export async function decideApproval(context: EngineContext, request: DecideRequest): Promise<Decided> {
  return commitAndEnqueue(context, async (transaction) => {
    const runId = await runOf(transaction, request.approvalId);
    await lockRun(transaction, runId);
    const row = await lockApproval(transaction, request.approvalId);
    if (row === undefined) throw new BatonError('not_found', `Approval ${request.approvalId} does not exist.`);
    assertDecidable(row, request);
    const edited = request.decision.decision === 'edit' ? validateEdit(row, request.decision.payload, await editSchemaOf(transaction, context, row)) : undefined;
    const outcome = request.decision.decision === 'approve' ? 'approved' : request.decision.decision === 'edit' ? 'edited' : 'rejected';
    const reason = request.decision.decision === 'reject' ? request.decision.reason : null;
    await transaction.query(
      `UPDATE approvals SET status = $2, decided_by = $3, decided_at = now(), decision = $4::jsonb, reason = $5 WHERE id = $1 AND status = 'pending'`,
      [row.id, outcome, request.reviewer.id, jsonParam({ payload: edited, via: request.reviewer.via }, 'decision'), reason],
    );
    await audit(transaction, row, request, outcome, edited);
    await recordLabelledExample(transaction, row, { outcome, payload: edited ?? row.payload, by: request.reviewer.id, via: request.reviewer.via });
    const advanced = await advanceRun(transaction, context, runId, {
      events: [{ type: 'approval.decided', step: row.step, data: { approvalId: row.id, outcome, by: request.reviewer.id, via: request.reviewer.via, reason } }],
    });
    return { ...advanced, approvalId: row.id, outcome };
  });
}

async function runOf(transaction: SqlClient, approvalId: string): Promise<string> {
  const { rows } = await transaction.query<{ run_id: string }>('SELECT run_id FROM approvals WHERE id = $1', [approvalId]);
  const runId = rows[0]?.run_id;
  if (runId === undefined) throw new BatonError('not_found', `Approval ${approvalId} does not exist.`, { details: { approvalId } });
  return runId;
}

function assertDecidable(row: ApprovalRow, request: DecideRequest): void {
  if (row.status !== 'pending') {
    const when = row.decided_at === null ? '' : ` at ${new Date(row.decided_at).toISOString()}`;
    throw new BatonError('conflict', `Approval ${row.id} was already ${row.status}${row.decided_by === null ? '' : ` by ${row.decided_by}`}${when}.`, {
      details: { approvalId: row.id, status: row.status, decidedBy: row.decided_by, reason: 'already_decided' },
    });
  }
  if (row.fingerprint !== request.fingerprint) {
    throw new BatonError('conflict', `Approval ${row.id} has changed since it was shown (fingerprint ${request.fingerprint} is stale); reload it and decide again.`, {
      details: { approvalId: row.id, reason: 'stale_fingerprint' },
    });
  }
  if (!mayDecide(row.reviewers, request.reviewer)) {
    throw new BatonError('unauthorized', `${request.reviewer.id} may not decide approval ${row.id} (${row.action}); reviewers: ${[...row.reviewers.users, ...row.reviewers.groups.map((group) => `group ${group}`)].join(', ')}.`, {
      details: { approvalId: row.id, reviewer: request.reviewer.id },
    });
  }
}

function validateEdit(row: ApprovalRow, payload: unknown, schema: z.ZodType | undefined): unknown {
  if (schema === undefined) throw new BatonError('input_invalid', `Approval ${row.id} cannot be edited.`);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new BatonError('input_invalid', `The edited ${row.action} is invalid: ${formatZodIssues(parsed.error.issues, 'payload')}`, {
      details: { approvalId: row.id, issues: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })) },
    });
  }
  return parsed.data;
}

/** Who decided what, with the value it replaced: an edit keeps both versions and their fingerprints. */
async function audit(transaction: SqlClient, row: ApprovalRow, request: DecideRequest, outcome: string, edited: unknown): Promise<void> {
  await transaction.query(
    `INSERT INTO audit_log (trace_id, run_id, actor, action, target, before, after) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      row.trace_id,
      row.run_id,
      `${request.reviewer.via}:${request.reviewer.id}`,
      `approval.${outcome}`,
      `approval:${row.id}`,
      jsonParam({ payload: row.payload, fingerprint: row.fingerprint }, 'audit before'),
      jsonParam(edited === undefined ? { status: outcome } : { status: outcome, payload: edited, fingerprint: fingerprintOf(edited) }, 'audit after'),
    ],
  );
}
