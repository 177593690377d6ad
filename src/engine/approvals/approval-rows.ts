import type { SqlClient } from '../../store/index.js';
import { jsonParam } from '../../store/run-sql.js';
import type { ApprovalStatus } from '../planner/plan-types.js';
import type { Reviewers, ReviewPolicy } from './review-policy.js';

export interface NewApproval {
  readonly id: string;
  readonly runId: string;
  readonly traceId: string;
  readonly workflow: string;
  readonly key: string;
  readonly kind: 'gate' | 'review' | 'escalation';
  readonly action: string;
  readonly payload: unknown;
  readonly fingerprint: string;
  readonly policy: ReviewPolicy;
  /** Who may decide: the policy's reviewers, widened to the record's owner or manager when the policy allows it. */
  readonly reviewers?: Reviewers;
  readonly context: unknown;
  readonly editSchema: Record<string, unknown>;
  /** Settled at once by policy (low risk, or not sampled): who decided is `policy:<why>`. */
  readonly settled?: { readonly status: 'approved'; readonly by: string };
  readonly sampled: boolean;
}

export async function insertApproval(transaction: SqlClient, approval: NewApproval): Promise<void> {
  await transaction.query(
    `INSERT INTO approvals (id, run_id, trace_id, workflow, step, kind, action, risk, status, payload, fingerprint, policy, reviewers,
       context, edit_schema, expires_at, sampled, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12::jsonb, $13::jsonb, $14::jsonb, $15::jsonb,
       now() + make_interval(mins => $16), $17, $18, CASE WHEN $18::text IS NULL THEN NULL ELSE now() END)
     ON CONFLICT (run_id, step) DO NOTHING`,
    [
      approval.id,
      approval.runId,
      approval.traceId,
      approval.workflow,
      approval.key,
      approval.kind,
      approval.action,
      approval.policy.risk,
      approval.settled?.status ?? 'pending',
      jsonParam(approval.payload ?? null, 'approval payload'),
      approval.fingerprint,
      jsonParam(approval.policy, 'approval policy'),
      jsonParam(approval.reviewers ?? approval.policy.reviewers, 'approval reviewers'),
      jsonParam(approval.context ?? null, 'approval context'),
      jsonParam(approval.editSchema, 'approval edit schema'),
      approval.policy.expiresInMinutes,
      approval.sampled,
      approval.settled?.by ?? null,
    ],
  );
}

export interface ApprovalRow {
  readonly id: string;
  readonly run_id: string;
  readonly trace_id: string;
  readonly workflow: string | null;
  readonly step: string;
  readonly kind: 'gate' | 'review' | 'escalation';
  readonly action: string;
  readonly risk: 'low' | 'medium' | 'high';
  readonly status: ApprovalStatus;
  readonly payload: unknown;
  readonly fingerprint: string;
  readonly policy: ReviewPolicy;
  readonly reviewers: Reviewers;
  readonly context: unknown;
  readonly edit_schema: Record<string, unknown> | null;
  readonly requested_at: Date | string;
  readonly expires_at: Date | string | null;
  readonly decided_by: string | null;
  readonly decided_at: Date | string | null;
  readonly decision: { payload?: unknown; via?: string } | null;
  readonly reason: string | null;
  readonly escalation_level: number;
  readonly sampled: boolean;
}

export async function lockApproval(transaction: SqlClient, approvalId: string): Promise<ApprovalRow | undefined> {
  const { rows } = await transaction.query<ApprovalRow>('SELECT * FROM approvals WHERE id = $1 FOR UPDATE', [approvalId]);
  return rows[0];
}
