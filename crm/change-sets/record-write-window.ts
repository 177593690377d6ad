import type { SqlClient } from '../../src/store/index.js';
import type { RecordRef } from '../adapter/index.js';
import { WRITE_WINDOW_MS } from '../governance/index.js';

/**
 * Serialises everything that counts or takes a record's write slots (proposals, applications)
 * across processes until the transaction ends: two processes cannot both see a free last slot.
 */
export async function lockRecordWrites(transaction: SqlClient, record: RecordRef): Promise<void> {
  await transaction.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`crm-record:${record.type}:${record.id}`]);
}

/** A retried proposal waits for the first one with the same key, then finds it. */
export async function lockIdempotencyKey(transaction: SqlClient, key: string): Promise<void> {
  await transaction.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`crm-change-set-key:${key}`]);
}

export interface WriteWindow {
  readonly recentWrites: Date[];
  /** Approved change sets not yet recorded as written (other than `excluding`): each takes a slot. */
  readonly pendingWrites: number;
}

export async function readWriteWindow(transaction: SqlClient, record: RecordRef, now: Date, excluding?: string): Promise<WriteWindow> {
  const since = new Date(now.getTime() - WRITE_WINDOW_MS);
  const writes = await transaction.query<{ written_at: Date | string }>(
    'SELECT written_at FROM crm_writes WHERE record_type = $1 AND record_id = $2 AND written_at > $3::timestamptz ORDER BY written_at',
    [record.type, record.id, since],
  );
  const pending = await transaction.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM crm_change_sets c
     WHERE c.record_type = $1 AND c.record_id = $2 AND c.status = 'approved' AND c.id <> $3
       AND NOT EXISTS (SELECT 1 FROM crm_writes w WHERE w.change_set_id = c.id)`,
    [record.type, record.id, excluding ?? ''],
  );
  return { recentWrites: writes.rows.map((row) => new Date(row.written_at)), pendingWrites: pending.rows[0]?.count ?? 0 };
}

/** The ledger entry the cap counts; a CRM that records its own (the embedded one) already has it. */
export async function recordWrite(transaction: SqlClient, key: string, record: RecordRef, at: Date): Promise<void> {
  await transaction.query(
    'INSERT INTO crm_writes (change_set_id, record_type, record_id, written_at) VALUES ($1, $2, $3, $4) ON CONFLICT (change_set_id) DO NOTHING',
    [key, record.type, record.id, at],
  );
}
