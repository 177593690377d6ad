import { z } from 'zod';
import type { SqlClient } from '../../store/index.js';
import type { ApprovalRow } from './approval-rows.js';
import type { RecordOwner } from './review-policy.js';

export const ApprovalViewSchema = z.object({
  id: z.string(),
  runId: z.string(),
  traceId: z.string(),
  workflow: z.string().nullable(),
  key: z.string(),
  kind: z.enum(['gate', 'review', 'escalation']),
  action: z.string(),
  risk: z.enum(['low', 'medium', 'high']),
  status: z.enum(['pending', 'approved', 'edited', 'rejected', 'expired', 'cancelled']),
  payload: z.unknown(),
  fingerprint: z.string(),
  reviewers: z.object({
    users: z.array(z.string()),
    groups: z.array(z.string()),
    channel: z.string().optional(),
    owner: z
      .object({ record: z.object({ type: z.string(), id: z.string() }), ownerId: z.string(), managerId: z.string().optional(), ownerReviewer: z.string().optional(), managerReviewer: z.string().optional() })
      .optional(),
  }),
  context: z.unknown(),
  editSchema: z.record(z.string(), z.unknown()).nullable(),
  requestedAt: z.string(),
  expiresAt: z.string().nullable(),
  escalationLevel: z.number(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  editedPayload: z.unknown(),
  reason: z.string().nullable(),
  /** The Slack message where reviewers decide, once the Slack app has posted its card. */
  slackLink: z.string().nullable(),
});
export type ApprovalView = z.infer<typeof ApprovalViewSchema>;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function toApprovalView(row: ApprovalRow & { readonly slack_link?: string | null }): ApprovalView {
  return {
    id: row.id,
    runId: row.run_id,
    traceId: row.trace_id,
    workflow: row.workflow,
    key: row.step,
    kind: row.kind,
    action: row.action,
    risk: row.risk,
    status: row.status,
    payload: row.payload,
    fingerprint: row.fingerprint,
    reviewers: {
      users: [...row.reviewers.users],
      groups: [...row.reviewers.groups],
      ...(row.reviewers.channel === undefined ? {} : { channel: row.reviewers.channel }),
      ...(row.reviewers.owner === undefined ? {} : { owner: ownerView(row.reviewers.owner) }),
    },
    context: row.context,
    editSchema: row.edit_schema,
    requestedAt: iso(row.requested_at) ?? '',
    expiresAt: iso(row.expires_at),
    escalationLevel: row.escalation_level,
    decidedBy: row.decided_by,
    decidedAt: iso(row.decided_at),
    editedPayload: row.decision?.payload,
    reason: row.reason,
    slackLink: row.slack_link ?? null,
  };
}

function ownerView(owner: RecordOwner): NonNullable<ApprovalView['reviewers']['owner']> {
  const optional = (key: 'managerId' | 'ownerReviewer' | 'managerReviewer') => (owner[key] === undefined ? {} : { [key]: owner[key] });
  return { record: { type: owner.record.type, id: owner.record.id }, ownerId: owner.ownerId, ...optional('managerId'), ...optional('ownerReviewer'), ...optional('managerReviewer') };
}

export interface ListApprovalsOptions {
  readonly status?: ApprovalView['status'];
  readonly runId?: string;
  readonly limit?: number;
}

/** Pending approvals oldest first (the inbox); others newest first. */
export async function listApprovals(sql: SqlClient, options: ListApprovalsOptions = {}): Promise<ApprovalView[]> {
  const { rows } = await sql.query<ApprovalRow & { slack_link: string | null }>(
    `SELECT a.*, c.permalink AS slack_link FROM approvals a LEFT JOIN slack_cards c ON c.approval_id = a.id
      WHERE ($1::text IS NULL OR a.status = $1) AND ($2::text IS NULL OR a.run_id = $2)
      ORDER BY CASE WHEN a.status = 'pending' THEN a.requested_at END ASC, a.requested_at DESC LIMIT $3`,
    [options.status ?? null, options.runId ?? null, Math.min(Math.max(options.limit ?? 50, 1), 500)],
  );
  return rows.map(toApprovalView);
}

export async function getApproval(sql: SqlClient, approvalId: string): Promise<ApprovalView | undefined> {
  const { rows } = await sql.query<ApprovalRow & { slack_link: string | null }>(
    'SELECT a.*, c.permalink AS slack_link FROM approvals a LEFT JOIN slack_cards c ON c.approval_id = a.id WHERE a.id = $1',
    [approvalId],
  );
  const row = rows[0];
  return row === undefined ? undefined : toApprovalView(row);
}
