import type { SqlClient } from '../../src/store/index.js';
import { jsonText } from './change-set-rows.js';
import type { ChangeSet } from './change-set-types.js';

export interface AuditEntry {
  readonly actor: string;
  /** `crm.change_set.applied`, `.conflicted`, `.rolled_back`, … */
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly at: Date;
}

export function valuesOf(changes: ChangeSet['changes'], which: 'oldValue' | 'newValue'): Record<string, unknown> {
  return Object.fromEntries(changes.map((change) => [change.field, change[which] ?? null]));
}

/** Everything that explains a write, joined on one row: what started it, who proposed and approved it, and the CRM's answer. */
export function describeChangeSet(changeSet: ChangeSet): Record<string, unknown> {
  return {
    changeSetId: changeSet.id,
    record: changeSet.record,
    trigger: changeSet.trigger ?? null,
    runId: changeSet.runId,
    traceId: changeSet.traceId,
    agent: changeSet.agent,
    agentVersion: changeSet.agentVersion,
    confidence: changeSet.confidence,
    decision: changeSet.decision,
    approval: changeSet.approval,
  };
}

export async function audit(transaction: SqlClient, changeSet: ChangeSet, entry: AuditEntry): Promise<void> {
  await transaction.query(
    `INSERT INTO audit_log (trace_id, run_id, actor, action, target, before, after, at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
    [changeSet.traceId, changeSet.runId, entry.actor, entry.action, `crm:${changeSet.record.type}:${changeSet.record.id}`, jsonText(entry.before), jsonText(entry.after), entry.at],
  );
}

/** An impossible value is listed with the failed work, before anything downstream reads it. The run may be gone: then no run. */
export async function insertDeadLetter(transaction: SqlClient, changeSet: ChangeSet, at: Date): Promise<void> {
  const message = changeSet.decision.reasons.map((reason) => reason.message).join('; ');
  const fields = changeSet.decision.reasons.map((reason) => ({ field: reason.field, value: reason.value }));
  await transaction.query(
    `INSERT INTO dead_letters (id, run_id, trace_id, source, reason, payload, created_at)
     VALUES ($1, (SELECT id FROM runs WHERE id = $2), $3, 'crm', $4::jsonb, $5::jsonb, $6)`,
    [
      crypto.randomUUID(), changeSet.runId, changeSet.traceId,
      jsonText({ code: 'crm_value_invalid', message, fields }),
      jsonText({ changeSetId: changeSet.id, agent: changeSet.agent, agentVersion: changeSet.agentVersion, record: changeSet.record, changes: changeSet.changes }),
      at,
    ],
  );
}
