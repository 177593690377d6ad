import { isBatonError } from '../../src/errors/index.js';
import type { RecordRef } from '../adapter/index.js';
import { evaluateChangeSet } from '../governance/index.js';
import { applyChangeSet } from './apply-change-set.js';
import { insertDeadLetter } from './change-set-audit.js';
import { statusFor, type ChangeSetDeps } from './change-set-deps.js';
import { getChangeSet } from './change-set-queries.js';
import { GOVERNANCE_ACTOR, type ChangeSet } from './change-set-types.js';
import { updateChangeSet } from './change-set-writes.js';
import { readRecordContext } from './read-record-context.js';
import { routeToLegalHold } from './reroute-change-set.js';
import { lockRecordWrites, readWriteWindow } from './record-write-window.js';

/** Governance decides again for a change set it held before any approval: hold, cap and gate as of now. */
async function reevaluate(deps: ChangeSetDeps, held: ChangeSet): Promise<ChangeSet> {
  const context = await readRecordContext(deps.crm, deps.settings, held.record, held.changes);
  const decided = await deps.sql.transaction(async (transaction) => {
    await lockRecordWrites(transaction, held.record);
    const locked = await getChangeSet(transaction, held.id, { lock: true });
    if (locked.status !== 'held') return locked;
    const now = deps.clock();
    const window = await readWriteWindow(transaction, locked.record, now, locked.id);
    const decision = evaluateChangeSet({ ...locked, ...window, settings: deps.settings, legalHoldOn: context.legalHoldOn, activeUserIds: context.activeUserIds, now });
    const update = { status: statusFor(decision.outcome), from: ['held' as const], at: now, decision: { ...decision, conflicts: locked.decision.conflicts }, retryAt: decision.retryAt ?? null };
    const updated = await updateChangeSet(transaction, locked.id, update);
    if (updated?.status === 'dead_lettered') await insertDeadLetter(transaction, updated, now);
    return updated ?? locked;
  });
  return decided.status === 'approved' ? applyChangeSet(deps, decided.id, { approvedBy: GOVERNANCE_ACTOR }) : decided;
}

/** A human approved it before the hold: applied under that approval, unless the record went under legal hold since. */
async function releaseOne(deps: ChangeSetDeps, held: ChangeSet): Promise<ChangeSet> {
  const approval = held.approval;
  if (approval === null) return reevaluate(deps, held);
  try {
    return await applyChangeSet(deps, held.id, { approvedBy: approval.by });
  } catch (error) {
    const heldOn = isBatonError(error) && error.details['reason'] === 'legal_hold' ? (error.details['legalHoldOn'] as RecordRef) : undefined;
    if (heldOn === undefined) throw error;
    return routeToLegalHold(deps, held, heldOn);
  }
}

/**
 * Held change sets whose window has passed, decided again and applied where they may be: one
 * approved before it was held is applied under its approval; one held by governance is
 * re-evaluated. A change set that fails is logged and left for the next sweep.
 */
export async function releaseHeld(deps: ChangeSetDeps, options: { limit?: number } = {}): Promise<ChangeSet[]> {
  const { rows } = await deps.sql.query<{ id: string }>(
    `SELECT id FROM crm_change_sets WHERE status = 'held' AND retry_at <= $1::timestamptz ORDER BY retry_at, id LIMIT $2`,
    [deps.clock(), Math.min(Math.max(options.limit ?? 100, 1), 500)],
  );
  const released: ChangeSet[] = [];
  for (const { id } of rows) {
    try {
      released.push(await releaseOne(deps, await getChangeSet(deps.sql, id)));
    } catch (error) {
      deps.logger.warn({ changeSetId: id, err: error }, 'crm change set could not be released; left held for the next sweep');
    }
  }
  return released;
}
