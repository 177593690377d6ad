import { isDeepStrictEqual } from 'node:util';
import { BatonError, toBatonError } from '../../src/errors/index.js';
import type { ApplyChangesResult } from '../adapter/index.js';
import { audit, describeChangeSet, valuesOf } from './change-set-audit.js';
import type { ChangeSetDeps } from './change-set-deps.js';
import { getChangeSet } from './change-set-queries.js';
import { LegalHoldOverrideSchema, type ChangeSet, type LegalHoldOverride } from './change-set-types.js';
import { updateChangeSet } from './change-set-writes.js';
import { readRecordContext, type RecordContext } from './read-record-context.js';
import { recordWrite } from './record-write-window.js';

export interface RollbackOptions {
  /** A record under legal hold since the write is restored only with an explicit override. */
  readonly override?: LegalHoldOverride;
}

function refuse(changeSet: ChangeSet, why: string, details: Record<string, unknown>): BatonError {
  return new BatonError('conflict', `Cannot roll back change set ${changeSet.id}: ${why}; nothing was restored.`, { details: { changeSetId: changeSet.id, ...details } });
}

/**
 * The first field that holds neither the value the change set wrote nor (a rollback retried
 * after a crash) the value it replaced: someone changed it since, and restoring would lose that.
 */
function changedSince(changeSet: ChangeSet, context: RecordContext): BatonError | undefined {
  for (const change of changeSet.changes) {
    const now = context.record.fields[change.field] ?? null;
    if (isDeepStrictEqual(now, change.newValue ?? null) || isDeepStrictEqual(now, change.oldValue ?? null)) continue;
    const why = `${changeSet.record.type}.${change.field} changed since it was applied (it holds ${JSON.stringify(now)}, the change set wrote ${JSON.stringify(change.newValue ?? null)})`;
    return refuse(changeSet, why, { reason: 'field_changed', field: change.field, current: now, written: change.newValue ?? null });
  }
  return undefined;
}

async function refuseAudited(deps: ChangeSetDeps, changeSet: ChangeSet, by: string, error: BatonError): Promise<never> {
  await deps.sql.transaction((transaction) => audit(transaction, changeSet, { actor: by, action: 'crm.change_set.rollback_refused', before: null, after: { changeSetId: changeSet.id, reason: error.toJSON() }, at: deps.clock() }));
  throw error;
}

async function writeOldValues(deps: ChangeSetDeps, changeSet: ChangeSet, context: RecordContext, by: string): Promise<ApplyChangesResult> {
  const inverse = changeSet.changes.map((change) => ({ field: change.field, oldValue: change.newValue, newValue: change.oldValue }));
  try {
    return await deps.crm.applyChanges({ record: changeSet.record, changes: inverse, expectedLastModified: context.record.lastModified, idempotencyKey: `rollback:${changeSet.id}` });
  } catch (thrown) {
    const error = toBatonError(thrown);
    if (error.code !== 'conflict' || error.details['reason'] !== 'record_changed') throw error;
    return refuseAudited(deps, changeSet, by, refuse(changeSet, `${changeSet.record.type} ${changeSet.record.id} changed while rolling back`, { reason: 'record_changed' }));
  }
}

/** Restores the values an applied change set replaced, if every field still holds what it wrote; audited either way. */
export async function rollbackChangeSet(deps: ChangeSetDeps, id: string, by: string, options: RollbackOptions = {}): Promise<ChangeSet> {
  const override = options.override === undefined ? undefined : LegalHoldOverrideSchema.parse(options.override);
  const changeSet = await getChangeSet(deps.sql, id);
  if (changeSet.status === 'rolled_back') return changeSet;
  if (changeSet.status !== 'applied') throw refuse(changeSet, `it is ${changeSet.status}, and only an applied change set can be rolled back`, { reason: 'not_applied', status: changeSet.status });
  const context = await readRecordContext(deps.crm, deps.settings, changeSet.record, []);
  const changed = changedSince(changeSet, context);
  if (changed !== undefined) return refuseAudited(deps, changeSet, by, changed);
  if (context.legalHoldOn !== null && override === undefined) {
    return refuseAudited(deps, changeSet, by, refuse(changeSet, `${context.legalHoldOn.type} ${context.legalHoldOn.id} is under legal hold (give an explicit legal-hold override and its reason)`, { reason: 'legal_hold', legalHoldOn: context.legalHoldOn }));
  }
  const result = await writeOldValues(deps, changeSet, context, by);
  return deps.sql.transaction(async (transaction) => {
    const now = deps.clock();
    const crmResponse = { written: result.written, lastModified: result.record.lastModified };
    const rolledBack = await updateChangeSet(transaction, id, { status: 'rolled_back', from: ['applied'], at: now, rolledBackBy: by, retryAt: null });
    if (rolledBack === undefined) return getChangeSet(transaction, id);
    await recordWrite(transaction, `rollback:${id}`, changeSet.record, now);
    const after = { ...describeChangeSet(rolledBack), values: valuesOf(changeSet.changes, 'oldValue'), override: override ?? null, crmResponse };
    await audit(transaction, rolledBack, { actor: by, action: 'crm.change_set.rolled_back', before: { values: valuesOf(changeSet.changes, 'newValue'), lastModified: context.record.lastModified }, after, at: now });
    return rolledBack;
  });
}
