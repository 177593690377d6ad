import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { SqlClient } from '../../src/store/index.js';
import type { CrmRecord } from '../adapter/index.js';
import { evaluateChangeSet, type GovernanceDecision } from '../governance/index.js';
import { applyChangeSet } from './apply-change-set.js';
import { insertDeadLetter } from './change-set-audit.js';
import { statusFor, type ChangeSetDeps } from './change-set-deps.js';
import { findByIdempotencyKey } from './change-set-queries.js';
import { GOVERNANCE_ACTOR, ProposeChangeSetInputSchema, type ChangeSet, type ProposeChangeSetInput } from './change-set-types.js';
import { insertChangeSet } from './change-set-writes.js';
import { readRecordContext, type RecordContext } from './read-record-context.js';
import { lockIdempotencyKey, lockRecordWrites, readWriteWindow } from './record-write-window.js';
import { storeAfterConflicts } from './settle-conflicts.js';

type ParsedProposal = z.output<typeof ProposeChangeSetInputSchema>;

/** The change set as proposed: old values as read, the token to match, and a decision still to come. */
function draft(input: ParsedProposal, record: CrmRecord, now: Date): ChangeSet {
  return {
    id: randomUUID(), runId: input.runId ?? null, traceId: input.traceId, agent: input.agent, agentVersion: input.agentVersion,
    confidence: input.confidence, record: input.record, idempotencyKey: input.idempotencyKey, trigger: input.trigger ?? null,
    changes: input.changes.map((change) => ({ field: change.field, oldValue: record.fields[change.field] ?? null, newValue: change.newValue ?? null })),
    expectedLastModified: record.lastModified, status: 'proposed', decision: { outcome: 'gate', risk: 'high', reasons: [], conflicts: [] },
    retryAt: null, approval: null, createdAt: now.toISOString(), updatedAt: now.toISOString(), appliedAt: null, appliedBy: null,
    crmResponse: null, rolledBackAt: null, rolledBackBy: null,
  };
}

function decided(changeSet: ChangeSet, decision: GovernanceDecision): ChangeSet {
  return { ...changeSet, status: statusFor(decision.outcome), decision: { ...decision, conflicts: [] }, retryAt: decision.retryAt ?? null };
}

/** One transaction: the decision, the conflicts it settles, the change set, and its dead letter. */
async function persistProposal(deps: ChangeSetDeps, transaction: SqlClient, candidate: ChangeSet, context: RecordContext): Promise<ChangeSet> {
  await lockIdempotencyKey(transaction, candidate.idempotencyKey);
  const earlier = await findByIdempotencyKey(transaction, candidate.idempotencyKey);
  if (earlier !== undefined) return earlier;
  await lockRecordWrites(transaction, candidate.record);
  const now = new Date(candidate.createdAt);
  const window = await readWriteWindow(transaction, candidate.record, now);
  const decision = evaluateChangeSet({ ...candidate, ...window, settings: deps.settings, legalHoldOn: context.legalHoldOn, activeUserIds: context.activeUserIds, now });
  const changeSet = decided(candidate, decision);
  if (decision.outcome === 'refused') return insertChangeSet(transaction, changeSet);
  if (decision.outcome === 'dead_letter') {
    const stored = await insertChangeSet(transaction, changeSet);
    await insertDeadLetter(transaction, stored, now);
    return stored;
  }
  return storeAfterConflicts(transaction, changeSet, deps.settings.agentPriority);
}

/**
 * Proposes a change: reads the record (old values and the concurrency token), lets governance
 * decide, settles conflicts with other open proposals for the same fields, and stores it, in one
 * transaction. What governance approved on its own is applied straight away. The same
 * idempotency key again returns the first change set (and finishes applying it if a crash cut it short).
 */
export async function proposeChangeSet(deps: ChangeSetDeps, input: ProposeChangeSetInput): Promise<ChangeSet> {
  const parsed = ProposeChangeSetInputSchema.parse(input);
  const earlier = await findByIdempotencyKey(deps.sql, parsed.idempotencyKey);
  if (earlier !== undefined) return continueApproved(deps, earlier);
  const context = await readRecordContext(deps.crm, deps.settings, parsed.record, parsed.changes);
  const candidate = draft(parsed, context.record, deps.clock());
  const stored = await deps.sql.transaction((transaction) => persistProposal(deps, transaction, candidate, context));
  deps.logger.info({ changeSetId: stored.id, agent: stored.agent, record: stored.record, status: stored.status, outcome: stored.decision.outcome }, 'crm change set proposed');
  return continueApproved(deps, stored);
}

function continueApproved(deps: ChangeSetDeps, changeSet: ChangeSet): Promise<ChangeSet> {
  return changeSet.status === 'approved' ? applyChangeSet(deps, changeSet.id, { approvedBy: changeSet.approval?.by ?? GOVERNANCE_ACTOR }) : Promise.resolve(changeSet);
}
