import { randomUUID } from 'node:crypto';
import { toJsonSchema } from '../../contracts/to-json-schema.js';
import type { SqlClient } from '../../store/index.js';
import { fingerprintOf } from '../approvals/fingerprint.js';
import { insertApproval } from '../approvals/approval-rows.js';
import { findRecordOwner, reviewersWithOwner, type RecordOwnerLookup } from '../approvals/record-owner.js';
import { reviewPolicyFor, type ReviewPolicy } from '../approvals/review-policy.js';
import { isSampled, reviewRate } from '../approvals/review-rate.js';
import type { RunEventInput } from '../persistence/event-rows.js';
import type { ApprovalRecord, OpenedGate } from '../planner/plan-types.js';

export interface OpenApprovalOptions {
  readonly run: { readonly id: string; readonly traceId: string; readonly workflow: string };
  readonly gate: OpenedGate;
  readonly policies: Readonly<Record<string, ReviewPolicy>>;
  readonly defaultPolicy: ReviewPolicy;
  readonly now: Date;
  /** The run's input, where the record an approval is about may be named. */
  readonly input?: unknown;
  readonly recordOwners?: RecordOwnerLookup | undefined;
}

/**
 * Records a decision the run needs, with the policy in force now. Gates follow their risk
 * level: low is approved by policy, medium is reviewed at the gate's sampling rate (the rest
 * proceed and notify), high always waits. Reviews and escalations always wait for a person.
 */
export async function openApproval(transaction: SqlClient, options: OpenApprovalOptions): Promise<{ record?: ApprovalRecord; events: RunEventInput[] }> {
  const { run, gate } = options;
  const policy = reviewPolicyFor(options.policies, gate.action, options.defaultPolicy);
  const settledBy = gate.kind === 'gate' ? await settleByPolicy(transaction, options, policy) : undefined;
  // Only an approval that waits for a person needs to know whose record it is.
  const owner = settledBy === undefined ? await findRecordOwner(transaction, options.recordOwners, gate.payload, options.input) : undefined;
  await insertApproval(transaction, {
    id: randomUUID(),
    runId: run.id,
    traceId: run.traceId,
    workflow: run.workflow,
    key: gate.key,
    kind: gate.kind,
    action: gate.action,
    payload: gate.payload,
    fingerprint: fingerprintOf(gate.payload),
    policy,
    reviewers: reviewersWithOwner(policy, owner),
    context: gate.context,
    editSchema: toJsonSchema(gate.schema, 'input'),
    sampled: settledBy === undefined || settledBy === 'policy:low-risk',
    ...(settledBy === undefined ? {} : { settled: { status: 'approved', by: settledBy } }),
  });
  if (settledBy === undefined) return { events: [{ type: 'approval.requested', step: gate.key, data: { action: gate.action, kind: gate.kind, risk: policy.risk } }] };
  const type = settledBy === 'policy:low-risk' ? 'approval.auto_approved' : 'approval.notified';
  return {
    record: { key: gate.key, status: 'approved', payload: gate.payload, editedPayload: undefined, reason: null, decidedBy: settledBy },
    events: [{ type, step: gate.key, data: { action: gate.action, risk: policy.risk, decidedBy: settledBy } }],
  };
}

async function settleByPolicy(transaction: SqlClient, options: OpenApprovalOptions, policy: ReviewPolicy): Promise<string | undefined> {
  if (policy.risk === 'low') return 'policy:low-risk';
  if (policy.risk === 'high') return undefined;
  const rate = await reviewRate(transaction, { workflow: options.run.workflow, action: options.gate.action }, options.now);
  return isSampled(`${options.run.id}:${options.gate.key}`, rate.rate) ? undefined : `policy:not-sampled-at-${rate.rate}`;
}
