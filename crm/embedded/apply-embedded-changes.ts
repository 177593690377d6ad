import { BatonError } from '../../src/errors/index.js';
import type { SqlClient } from '../../src/store/index.js';
import { FieldChangeSchema, RecordRefSchema, type ApplyChangesRequest, type ApplyChangesResult } from '../adapter/index.js';
import { describeRecord, nextLastModified, readRecord, toCrmRecord, type CrmRecordRow } from './embedded-crm-rows.js';

const CLAIM_KEY = `
INSERT INTO crm_writes (change_set_id, record_type, record_id, written_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (change_set_id) DO NOTHING RETURNING change_set_id`;

// The concurrency check is in the WHERE: a record changed since it was read matches no row.
const UPDATE_IF_UNCHANGED = `
UPDATE crm_records SET fields = fields || $4::jsonb, last_modified = ${nextLastModified('$5')}
WHERE type = $1 AND id = $2 AND last_modified = $3::timestamptz
RETURNING type, id, fields, last_modified`;

/**
 * One write, in one transaction: claim the idempotency key in crm_writes (a key seen before
 * writes nothing and answers `written: false`), then update only if `last_modified` still
 * matches; otherwise the claim rolls back with the update and the caller gets a conflict.
 */
export async function applyEmbeddedChanges(sql: SqlClient, request: ApplyChangesRequest, now: Date): Promise<ApplyChangesResult> {
  const record = RecordRefSchema.parse(request.record);
  const changes = FieldChangeSchema.array().min(1, 'a change set changes at least one field').parse(request.changes);
  const patch = JSON.stringify(Object.fromEntries(changes.map((change) => [change.field, change.newValue ?? null])));
  return sql.transaction(async (transaction) => {
    const claimed = await transaction.query(CLAIM_KEY, [request.idempotencyKey, record.type, record.id, now]);
    if (claimed.rows.length === 0) return { record: await readRecord(transaction, record), written: false };
    const { rows } = await transaction.query<CrmRecordRow>(UPDATE_IF_UNCHANGED, [record.type, record.id, request.expectedLastModified, patch, now]);
    const updated = rows[0];
    if (updated !== undefined) return { record: toCrmRecord(updated), written: true };
    const current = await readRecord(transaction, record);
    throw new BatonError('conflict', `${describeRecord(record)} changed since it was read (last modified ${current.lastModified}, expected ${request.expectedLastModified}); nothing was written.`, {
      details: { reason: 'record_changed', record, expectedLastModified: request.expectedLastModified, lastModified: current.lastModified },
    });
  });
}
