import { z } from 'zod';
import { RecordRefSchema, type FieldChange, type RecordRef } from '../adapter/index.js';
import type { ConflictRecord, GovernanceDecision } from '../governance/index.js';

export const CHANGE_SET_STATUSES = ['proposed', 'held', 'awaiting_approval', 'approved', 'applied', 'rejected', 'dead_lettered', 'conflicted', 'rolled_back', 'superseded'] as const;
export type ChangeSetStatus = (typeof CHANGE_SET_STATUSES)[number];

/** Not yet written nor closed: waiting for a human, a slot under the hourly cap, or the write itself. */
export const OPEN_CHANGE_SET_STATUSES: readonly ChangeSetStatus[] = ['proposed', 'held', 'awaiting_approval', 'approved'];

/** Who applies what governance approved on its own. */
export const GOVERNANCE_ACTOR = 'governance';

/** A human applying a change to a record under legal hold says so, and why; both are audited. */
export const LegalHoldOverrideSchema = z.strictObject({ legalHold: z.literal(true), reason: z.string().trim().min(1, 'an override gives its reason') });
export type LegalHoldOverride = z.infer<typeof LegalHoldOverrideSchema>;

/** Governance's decision as stored, with any conflicts this change set won or lost. */
export interface ChangeSetDecision extends GovernanceDecision {
  readonly conflicts: readonly ConflictRecord[];
}

export interface ChangeSetApproval {
  readonly by: string;
  readonly at: string;
  /** Values the approver changed before applying, by field, with what the agent had proposed. */
  readonly edits?: readonly { readonly field: string; readonly proposed: unknown; readonly newValue: unknown }[];
  readonly override?: LegalHoldOverride;
}

export interface ChangeSet {
  readonly id: string;
  readonly runId: string | null;
  readonly traceId: string;
  readonly agent: string;
  readonly agentVersion: string;
  readonly confidence: number;
  readonly record: RecordRef;
  /** Old values as read when proposed; new values as they will be (or were) written. */
  readonly changes: readonly FieldChange[];
  readonly expectedLastModified: string;
  readonly status: ChangeSetStatus;
  readonly decision: ChangeSetDecision;
  readonly idempotencyKey: string;
  readonly trigger: unknown;
  readonly retryAt: string | null;
  readonly approval: ChangeSetApproval | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly appliedAt: string | null;
  readonly appliedBy: string | null;
  readonly crmResponse: unknown;
  readonly rolledBackAt: string | null;
  readonly rolledBackBy: string | null;
}

export const ProposeChangeSetInputSchema = z.strictObject({
  runId: z.string().min(1).optional(),
  traceId: z.string().min(1),
  agent: z.string().min(1),
  agentVersion: z.string().min(1),
  confidence: z.number().min(0).max(1),
  record: RecordRefSchema,
  changes: z
    .array(z.strictObject({ field: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a field API name'), newValue: z.unknown() }))
    .min(1, 'a change set changes at least one field')
    .refine((changes) => new Set(changes.map((change) => change.field)).size === changes.length, 'each field appears once'),
  /** What started the work (event, schedule, tool call): kept for the audit trail. */
  trigger: z.unknown().optional(),
  /** The same key twice (a retried job) proposes once. */
  idempotencyKey: z.string().min(1).max(200),
});
export type ProposeChangeSetInput = z.input<typeof ProposeChangeSetInputSchema>;

export interface ApplyChangeSetOptions {
  /** Who approved: a reviewer, or `governance` for what it approved itself. */
  readonly approvedBy: string;
  /** New values by field, replacing the proposed ones (each field must be in the change set). */
  readonly edits?: Readonly<Record<string, unknown>>;
  readonly override?: LegalHoldOverride;
}

export interface ListChangeSetsOptions {
  readonly status?: ChangeSetStatus;
  readonly record?: RecordRef;
  readonly runId?: string;
  /** 1 to 500; 50 when not given. */
  readonly limit?: number;
}
