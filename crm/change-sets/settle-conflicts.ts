import type { SqlClient } from '../../src/store/index.js';
import { resolveConflicts, type ConflictProposal, type ConflictRecord } from '../governance/index.js';
import { audit } from './change-set-audit.js';
import { lockOverlapping } from './change-set-queries.js';
import { GOVERNANCE_ACTOR, type ChangeSet, type ChangeSetStatus } from './change-set-types.js';
import { appendConflict, insertChangeSet, updateChangeSet } from './change-set-writes.js';

/**
 * Open proposals that can still lose a field to a newer one. An approved change set is being
 * written (or about to be): it is no longer contested, and a later proposal conflicts at apply
 * time instead if it read the record before that write.
 */
const CONTESTABLE: readonly ChangeSetStatus[] = ['proposed', 'held', 'awaiting_approval'];

function asProposal(changeSet: ChangeSet): ConflictProposal & { changeSet: ChangeSet } {
  const { id, agent, confidence, createdAt } = changeSet;
  return { id, agent, confidence, createdAt, fields: changeSet.changes.map((change) => change.field), changeSet };
}

async function recordConflict(transaction: SqlClient, loser: ChangeSet, conflict: ConflictRecord, at: Date): Promise<void> {
  await audit(transaction, loser, { actor: GOVERNANCE_ACTOR, action: 'crm.change_set.superseded', before: { changes: loser.changes, status: loser.status }, after: conflict, at });
}

/**
 * Stores `candidate` (already decided by governance) after resolving it against the open
 * proposals for the same fields: by confidence, then agent priority. The loser is superseded,
 * and both sides keep the conflict in their decision.
 */
export async function storeAfterConflicts(transaction: SqlClient, candidate: ChangeSet, agentPriority: Readonly<Record<string, number>>): Promise<ChangeSet> {
  const at = new Date(candidate.createdAt);
  const fields = candidate.changes.map((change) => change.field);
  const open = await lockOverlapping(transaction, candidate.record, fields, CONTESTABLE);
  if (open.length === 0) return insertChangeSet(transaction, candidate);
  // The candidate goes last: on a full tie, the later proposal wins.
  const resolution = resolveConflicts([...open.map(asProposal), asProposal(candidate)], agentPriority);
  if (resolution.winner.id !== candidate.id) {
    const lost = resolution.superseded.find((entry) => entry.proposal.id === candidate.id);
    const conflicts = lost === undefined ? [] : [lost.conflict];
    const stored = await insertChangeSet(transaction, { ...candidate, status: 'superseded', decision: { ...candidate.decision, conflicts } });
    for (const conflict of conflicts) {
      await appendConflict(transaction, conflict.winner, conflict, at);
      await recordConflict(transaction, stored, conflict, at);
    }
    return stored;
  }
  for (const { proposal, conflict } of resolution.superseded) {
    const decision = { ...proposal.changeSet.decision, conflicts: [...proposal.changeSet.decision.conflicts, conflict] };
    const superseded = await updateChangeSet(transaction, proposal.id, { status: 'superseded', from: CONTESTABLE, at, decision, retryAt: null });
    if (superseded !== undefined) await recordConflict(transaction, superseded, conflict, at);
  }
  return insertChangeSet(transaction, { ...candidate, decision: { ...candidate.decision, conflicts: resolution.superseded.map((entry) => entry.conflict) } });
}
