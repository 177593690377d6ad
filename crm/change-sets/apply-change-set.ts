import { BatonError } from '../../src/errors/index.js';
import type { SqlClient } from '../../src/store/index.js';
import { checkRateCap, validateChanges } from '../governance/index.js';
import type { ChangeSetDeps } from './change-set-deps.js';
import { getChangeSet } from './change-set-queries.js';
import { GOVERNANCE_ACTOR, LegalHoldOverrideSchema, type ApplyChangeSetOptions, type ChangeSet, type ChangeSetApproval, type ChangeSetStatus } from './change-set-types.js';
import { updateChangeSet } from './change-set-writes.js';
import { finishApplication } from './finish-application.js';
import { readRecordContext, type RecordContext } from './read-record-context.js';
import { deadLetterInvalid, routeToLegalHold } from './reroute-change-set.js';
import { lockRecordWrites, readWriteWindow } from './record-write-window.js';

const APPLICABLE: readonly ChangeSetStatus[] = ['awaiting_approval', 'approved', 'held'];

function assertApplicable(changeSet: ChangeSet, approvedBy: string): void {
  if (!APPLICABLE.includes(changeSet.status)) {
    throw new BatonError('conflict', `Change set ${changeSet.id} is ${changeSet.status}: only one awaiting approval, approved or held can be applied.`, { details: { reason: 'not_applicable', changeSetId: changeSet.id, status: changeSet.status } });
  }
  if (approvedBy === GOVERNANCE_ACTOR && changeSet.status === 'awaiting_approval') {
    throw new BatonError('conflict', `Change set ${changeSet.id} awaits a human approval: ${changeSet.decision.reasons.map((reason) => reason.message).join('; ')}.`, { details: { reason: 'needs_approval', changeSetId: changeSet.id } });
  }
}

/** The changes with the reviewer's edits, and the approval that records them. */
function approve(changeSet: ChangeSet, options: ApplyChangeSetOptions, now: Date): { changes: ChangeSet['changes']; approval: ChangeSetApproval } {
  const edits = Object.entries(options.edits ?? {});
  // Released from a hold by the same approver: the approval (edits, override) made before stands.
  const earlier = changeSet.approval;
  if (edits.length === 0 && options.override === undefined && earlier !== null && earlier.by === options.approvedBy) return { changes: changeSet.changes, approval: earlier };
  const unknown = edits.filter(([field]) => !changeSet.changes.some((change) => change.field === field)).map(([field]) => field);
  if (unknown.length > 0) throw new BatonError('input_invalid', `edits: ${unknown.join(', ')} not in change set ${changeSet.id} (it changes ${changeSet.changes.map((change) => change.field).join(', ')}).`, { details: { fields: unknown } });
  const edited = new Map(edits);
  const changes = changeSet.changes.map((change) => (edited.has(change.field) ? { ...change, newValue: edited.get(change.field) ?? null } : change));
  const recorded = changeSet.changes.filter((change) => edited.has(change.field)).map((change) => ({ field: change.field, proposed: change.newValue, newValue: edited.get(change.field) ?? null }));
  const override = options.override === undefined ? undefined : LegalHoldOverrideSchema.parse(options.override);
  const approval: ChangeSetApproval = { by: options.approvedBy, at: now.toISOString(), ...(recorded.length > 0 ? { edits: recorded } : {}), ...(override === undefined ? {} : { override }) };
  return { changes, approval };
}

/**
 * Legal hold and valid values, as of now. A human is told (an error); what governance approved
 * on its own is routed again instead: to a human for a legal hold, to the dead letters for a value.
 */
async function checkWritable(deps: ChangeSetDeps, changeSet: ChangeSet, context: RecordContext, approval: ChangeSetApproval): Promise<ChangeSet | undefined> {
  const automatic = approval.by === GOVERNANCE_ACTOR;
  const invalid = validateChanges({ type: changeSet.record.type, changes: changeSet.changes, rules: deps.settings.fieldRules, activeUserIds: context.activeUserIds });
  if (invalid.length > 0 && automatic) return deadLetterInvalid(deps, changeSet, invalid);
  if (invalid.length > 0) throw new BatonError('input_invalid', invalid.map((reason) => reason.message).join('; '), { details: { changeSetId: changeSet.id, reasons: invalid } });
  const heldOn = context.legalHoldOn;
  if (heldOn === null || approval.override !== undefined) return undefined;
  if (automatic) return routeToLegalHold(deps, changeSet, heldOn);
  const through = heldOn.type === changeSet.record.type && heldOn.id === changeSet.record.id ? '' : ` (through ${heldOn.type} ${heldOn.id})`;
  throw new BatonError('conflict', `${changeSet.record.type} ${changeSet.record.id} is under legal hold${through} and is never modified automatically; a human may apply change set ${changeSet.id} with an explicit legal-hold override and its reason.`, { details: { reason: 'legal_hold', changeSetId: changeSet.id, legalHoldOn: heldOn } });
}

/** Takes a slot under the hourly cap and marks the change set approved, or holds it until a slot frees. */
async function startApplication(deps: ChangeSetDeps, transaction: SqlClient, prepared: ChangeSet): Promise<ChangeSet> {
  // The record's write lock before the change set's row, as everywhere, so two transactions never wait on each other.
  await lockRecordWrites(transaction, prepared.record);
  const locked = await getChangeSet(transaction, prepared.id, { lock: true });
  if (!APPLICABLE.includes(locked.status)) return locked;
  const now = deps.clock();
  const cap = checkRateCap({ ...(await readWriteWindow(transaction, locked.record, now, locked.id)), maxWritesPerHour: deps.settings.maxWritesPerRecordPerHour, now });
  const approval = prepared.approval ?? undefined;
  const base = { from: APPLICABLE, at: now, changes: prepared.changes, ...(approval === undefined ? {} : { approval }) };
  if (!cap.reached) return (await updateChangeSet(transaction, locked.id, { ...base, status: 'approved', retryAt: null, applied: { by: approval?.by ?? GOVERNANCE_ACTOR } })) ?? locked;
  const retryAt = cap.retryAt.toISOString();
  const message = `${locked.record.type} ${locked.record.id} already has ${cap.used} writes in the last hour (the cap is ${deps.settings.maxWritesPerRecordPerHour}); held until ${retryAt}`;
  const reasons = [...locked.decision.reasons.filter((reason) => reason.code !== 'rate_limited'), { code: 'rate_limited' as const, message }];
  return (await updateChangeSet(transaction, locked.id, { ...base, status: 'held', retryAt, decision: { ...locked.decision, outcome: 'held', retryAt, reasons } })) ?? locked;
}

/**
 * Applies a change set a human (or governance, for what it approved) approved: checks legal
 * hold (a human override is recorded), validates any edits, takes a slot under the hourly cap
 * (or holds it), writes through the adapter and audits the result. Applying twice writes once.
 */
export async function applyChangeSet(deps: ChangeSetDeps, id: string, options: ApplyChangeSetOptions): Promise<ChangeSet> {
  const current = await getChangeSet(deps.sql, id);
  if (current.status === 'applied') return current;
  assertApplicable(current, options.approvedBy);
  const { changes, approval } = approve(current, options, deps.clock());
  const prepared: ChangeSet = { ...current, changes, approval };
  const context = await readRecordContext(deps.crm, deps.settings, current.record, changes);
  const rerouted = await checkWritable(deps, prepared, context, approval);
  if (rerouted !== undefined) return rerouted;
  const started = await deps.sql.transaction((transaction) => startApplication(deps, transaction, prepared));
  return started.status === 'approved' ? finishApplication(deps, started) : started;
}
