import type { SqlClient } from '../../src/store/index.js';
import type { ChangeSet, ChangeSetApproval, ChangeSetDecision, ChangeSetStatus } from './change-set-types.js';
import { jsonText, toChangeSet, type ChangeSetRow } from './change-set-rows.js';

const INSERT = `
INSERT INTO crm_change_sets (id, run_id, trace_id, agent, agent_version, confidence, record_type, record_id, changes,
  expected_last_modified, status, decision, idempotency_key, trigger, retry_at, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::timestamptz, $11, $12::jsonb, $13, $14::jsonb, $15::timestamptz, $16, $16)
RETURNING *`;

export async function insertChangeSet(transaction: SqlClient, changeSet: ChangeSet): Promise<ChangeSet> {
  const { rows } = await transaction.query<ChangeSetRow>(INSERT, [
    changeSet.id, changeSet.runId, changeSet.traceId, changeSet.agent, changeSet.agentVersion, changeSet.confidence,
    changeSet.record.type, changeSet.record.id, jsonText(changeSet.changes), changeSet.expectedLastModified, changeSet.status,
    jsonText(changeSet.decision), changeSet.idempotencyKey, jsonText(changeSet.trigger), changeSet.retryAt, changeSet.createdAt,
  ]);
  return toChangeSet(rows[0] as ChangeSetRow);
}

/** A transition: the new status and whatever else it sets. `retryAt` is always set (null clears it). */
export interface ChangeSetUpdate {
  readonly status: ChangeSetStatus;
  /** Only from these statuses: a racing process that got there first makes this a no-op. */
  readonly from: readonly ChangeSetStatus[];
  readonly at: Date;
  readonly decision?: ChangeSetDecision;
  readonly retryAt?: string | null;
  readonly approval?: ChangeSetApproval;
  readonly changes?: ChangeSet['changes'];
  readonly applied?: { readonly by: string };
  readonly crmResponse?: unknown;
  readonly rolledBackBy?: string;
}

const UPDATE = `
UPDATE crm_change_sets SET
  status = $2, updated_at = $3, decision = coalesce($4::jsonb, decision), retry_at = $5::timestamptz,
  approval = coalesce($6::jsonb, approval), changes = coalesce($7::jsonb, changes),
  applied_by = coalesce($8, applied_by), applied_at = CASE WHEN $2 = 'applied' THEN $3 ELSE applied_at END,
  crm_response = coalesce($9::jsonb, crm_response),
  rolled_back_by = coalesce($10, rolled_back_by), rolled_back_at = CASE WHEN $2 = 'rolled_back' THEN $3 ELSE rolled_back_at END
WHERE id = $1 AND status IN (SELECT jsonb_array_elements_text($11::jsonb))
RETURNING *`;

/** The change set after the transition, or undefined when it was no longer in one of `from`. */
export async function updateChangeSet(transaction: SqlClient, id: string, update: ChangeSetUpdate): Promise<ChangeSet | undefined> {
  const { rows } = await transaction.query<ChangeSetRow>(UPDATE, [
    id, update.status, update.at, jsonText(update.decision), update.retryAt ?? null, jsonText(update.approval), jsonText(update.changes),
    update.applied?.by ?? null, jsonText(update.crmResponse), update.rolledBackBy ?? null, jsonText(update.from),
  ]);
  return rows[0] === undefined ? undefined : toChangeSet(rows[0]);
}

const APPEND_CONFLICT = `
UPDATE crm_change_sets SET decision = jsonb_set(decision, '{conflicts}', coalesce(decision -> 'conflicts', '[]'::jsonb) || $2::jsonb), updated_at = $3
WHERE id = $1`;

/** The winner of a conflict keeps a record of it too. */
export async function appendConflict(transaction: SqlClient, id: string, conflict: unknown, at: Date): Promise<void> {
  await transaction.query(APPEND_CONFLICT, [id, jsonText([conflict]), at]);
}
