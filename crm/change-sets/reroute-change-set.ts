import type { RecordRef } from '../adapter/index.js';
import type { GovernanceReason } from '../governance/index.js';
import { insertDeadLetter } from './change-set-audit.js';
import type { ChangeSetDeps } from './change-set-deps.js';
import { getChangeSet } from './change-set-queries.js';
import type { ChangeSet, ChangeSetStatus } from './change-set-types.js';
import { updateChangeSet } from './change-set-writes.js';

/**
 * What governance approved on its own can stop being writable before it is written: the record
 * went under legal hold, or a value became invalid (the proposed owner was deactivated). Then it
 * is routed as a fresh proposal would be, rather than failing and keeping a slot of the cap.
 */
const REROUTABLE: readonly ChangeSetStatus[] = ['approved', 'held'];

export async function routeToLegalHold(deps: ChangeSetDeps, changeSet: ChangeSet, heldOn: RecordRef): Promise<ChangeSet> {
  const through = heldOn.type === changeSet.record.type && heldOn.id === changeSet.record.id ? '' : ` through ${heldOn.type} ${heldOn.id}`;
  const message = `${changeSet.record.type} ${changeSet.record.id} went under legal hold${through} before the write: never modified automatically; a human may apply it with an explicit override`;
  const decision = { ...changeSet.decision, outcome: 'legal_hold' as const, legalHoldOn: heldOn, reasons: [{ code: 'legal_hold' as const, message }] };
  return deps.sql.transaction(async (transaction) => {
    const routed = await updateChangeSet(transaction, changeSet.id, { status: 'awaiting_approval', from: REROUTABLE, at: deps.clock(), decision, retryAt: null });
    return routed ?? getChangeSet(transaction, changeSet.id);
  });
}

export async function deadLetterInvalid(deps: ChangeSetDeps, changeSet: ChangeSet, reasons: readonly GovernanceReason[]): Promise<ChangeSet> {
  const decision = { ...changeSet.decision, outcome: 'dead_letter' as const, reasons };
  return deps.sql.transaction(async (transaction) => {
    const now = deps.clock();
    const routed = await updateChangeSet(transaction, changeSet.id, { status: 'dead_lettered', from: REROUTABLE, at: now, decision, retryAt: null });
    if (routed === undefined) return getChangeSet(transaction, changeSet.id);
    await insertDeadLetter(transaction, routed, now);
    return routed;
  });
}
