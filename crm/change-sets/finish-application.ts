import { toBatonError, type BatonError } from '../../src/errors/index.js';
import type { SqlClient } from '../../src/store/index.js';
import type { ApplyChangesResult } from '../adapter/index.js';
import { audit, describeChangeSet, valuesOf } from './change-set-audit.js';
import type { ChangeSetDeps } from './change-set-deps.js';
import { getChangeSet } from './change-set-queries.js';
import { GOVERNANCE_ACTOR, type ChangeSet } from './change-set-types.js';
import { updateChangeSet } from './change-set-writes.js';
import { recordWrite } from './record-write-window.js';

/** What the agent proposed, before any reviewer edits. */
function proposedValues(changeSet: ChangeSet): Record<string, unknown> {
  const edits = changeSet.approval?.edits ?? [];
  return Object.fromEntries(changeSet.changes.map((change) => [change.field, edits.find((edit) => edit.field === change.field)?.proposed ?? change.newValue]));
}

function auditBefore(changeSet: ChangeSet): Record<string, unknown> {
  return { values: valuesOf(changeSet.changes, 'oldValue'), lastModified: changeSet.expectedLastModified };
}

/** The one audit record of an applied write: trigger, run and trace, agent and prompt version, proposal, approver, edits and override, the CRM's answer, and the values replaced. */
async function recordApplied(deps: ChangeSetDeps, transaction: SqlClient, changeSet: ChangeSet, result: ApplyChangesResult): Promise<ChangeSet> {
  const now = deps.clock();
  const crmResponse = { written: result.written, lastModified: result.record.lastModified, values: valuesOf(changeSet.changes.map((change) => ({ ...change, newValue: result.record.fields[change.field] })), 'newValue') };
  const applied = await updateChangeSet(transaction, changeSet.id, { status: 'applied', from: ['approved'], at: now, crmResponse, retryAt: null });
  if (applied === undefined) return getChangeSet(transaction, changeSet.id);
  await recordWrite(transaction, changeSet.id, changeSet.record, now);
  const actor = applied.approval?.by ?? applied.appliedBy ?? GOVERNANCE_ACTOR;
  const after = { ...describeChangeSet(applied), proposed: proposedValues(applied), values: valuesOf(applied.changes, 'newValue'), override: applied.approval?.override ?? null, crmResponse };
  await audit(transaction, applied, { actor, action: 'crm.change_set.applied', before: auditBefore(applied), after, at: now });
  if (applied.decision.outcome === 'notify') {
    const message = `${applied.agent} changed ${applied.record.type} ${applied.record.id}: ${applied.changes.map((change) => change.field).join(', ')} (medium risk, applied automatically)`;
    await audit(transaction, applied, { actor: GOVERNANCE_ACTOR, action: 'crm.change_set.notification', before: null, after: { changeSetId: applied.id, message }, at: now });
  }
  return applied;
}

/** The record changed since it was read: nothing was written, and the attempt is audited. */
async function recordConflicted(deps: ChangeSetDeps, changeSet: ChangeSet, error: BatonError): Promise<ChangeSet> {
  return deps.sql.transaction(async (transaction) => {
    const now = deps.clock();
    const crmResponse = { error: error.toJSON() };
    const conflicted = await updateChangeSet(transaction, changeSet.id, { status: 'conflicted', from: ['approved'], at: now, crmResponse, retryAt: null });
    if (conflicted === undefined) return getChangeSet(transaction, changeSet.id);
    const after = { ...describeChangeSet(conflicted), attempted: valuesOf(conflicted.changes, 'newValue'), crmResponse };
    await audit(transaction, conflicted, { actor: conflicted.appliedBy ?? GOVERNANCE_ACTOR, action: 'crm.change_set.conflicted', before: auditBefore(conflicted), after, at: now });
    deps.logger.warn({ changeSetId: conflicted.id, record: conflicted.record }, 'crm change set conflicted: the record changed since it was read; nothing written');
    return conflicted;
  });
}

/**
 * Writes an approved change set through the adapter, keyed by its id so a retry never writes
 * twice, then records the outcome. Any other failure leaves it approved, to be applied again.
 */
export async function finishApplication(deps: ChangeSetDeps, changeSet: ChangeSet): Promise<ChangeSet> {
  let result: ApplyChangesResult;
  try {
    result = await deps.crm.applyChanges({ record: changeSet.record, changes: changeSet.changes, expectedLastModified: changeSet.expectedLastModified, idempotencyKey: changeSet.id });
  } catch (thrown) {
    const error = toBatonError(thrown);
    if (error.code === 'conflict' && error.details['reason'] === 'record_changed') return recordConflicted(deps, changeSet, error);
    throw error;
  }
  const applied = await deps.sql.transaction((transaction) => recordApplied(deps, transaction, changeSet, result));
  deps.logger.info({ changeSetId: applied.id, record: applied.record, written: result.written }, 'crm change set applied');
  return applied;
}
