import type { CrmObjectType, FieldChange } from '../adapter/index.js';
import type { ChangeSet, ChangeSetApproval, ChangeSetDecision, ChangeSetStatus } from './change-set-types.js';

export interface ChangeSetRow {
  id: string;
  run_id: string | null;
  trace_id: string;
  agent: string;
  agent_version: string;
  confidence: number;
  record_type: CrmObjectType;
  record_id: string;
  changes: FieldChange[];
  expected_last_modified: Date | string;
  status: ChangeSetStatus;
  decision: ChangeSetDecision;
  idempotency_key: string;
  trigger: unknown;
  retry_at: Date | string | null;
  approval: ChangeSetApproval | null;
  created_at: Date | string;
  updated_at: Date | string;
  applied_at: Date | string | null;
  applied_by: string | null;
  crm_response: unknown;
  rolled_back_at: Date | string | null;
  rolled_back_by: string | null;
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}

export function toChangeSet(row: ChangeSetRow): ChangeSet {
  return {
    id: row.id,
    runId: row.run_id,
    traceId: row.trace_id,
    agent: row.agent,
    agentVersion: row.agent_version,
    confidence: row.confidence,
    record: { type: row.record_type, id: row.record_id },
    changes: row.changes,
    expectedLastModified: iso(row.expected_last_modified),
    status: row.status,
    decision: row.decision,
    idempotencyKey: row.idempotency_key,
    trigger: row.trigger,
    retryAt: isoOrNull(row.retry_at),
    approval: row.approval,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    appliedAt: isoOrNull(row.applied_at),
    appliedBy: row.applied_by,
    crmResponse: row.crm_response,
    rolledBackAt: isoOrNull(row.rolled_back_at),
    rolledBackBy: row.rolled_back_by,
  };
}

/** JSON goes to the database as text cast with `::jsonb` (`pg` would send an array as a Postgres array). */
export function jsonText(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
