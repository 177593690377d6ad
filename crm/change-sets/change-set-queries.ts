import { BatonError } from '../../src/errors/index.js';
import type { SqlClient } from '../../src/store/index.js';
import type { RecordRef } from '../adapter/index.js';
import { toChangeSet, type ChangeSetRow } from './change-set-rows.js';
import type { ChangeSet, ChangeSetStatus, ListChangeSetsOptions } from './change-set-types.js';

export async function findChangeSet(sql: SqlClient, id: string, options: { lock?: boolean } = {}): Promise<ChangeSet | undefined> {
  const { rows } = await sql.query<ChangeSetRow>(`SELECT * FROM crm_change_sets WHERE id = $1${options.lock === true ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] === undefined ? undefined : toChangeSet(rows[0]);
}

export async function getChangeSet(sql: SqlClient, id: string, options: { lock?: boolean } = {}): Promise<ChangeSet> {
  const found = await findChangeSet(sql, id, options);
  if (found === undefined) throw new BatonError('not_found', `Change set ${id} does not exist (list them with \`baton crm show <type> <id>\`).`, { details: { changeSetId: id } });
  return found;
}

export async function findByIdempotencyKey(sql: SqlClient, key: string): Promise<ChangeSet | undefined> {
  const { rows } = await sql.query<ChangeSetRow>('SELECT * FROM crm_change_sets WHERE idempotency_key = $1', [key]);
  return rows[0] === undefined ? undefined : toChangeSet(rows[0]);
}

/** Change sets for the record in one of `statuses` that write any of `fields`, oldest first, locked until the transaction ends. */
export async function lockOverlapping(transaction: SqlClient, record: RecordRef, fields: readonly string[], statuses: readonly ChangeSetStatus[]): Promise<ChangeSet[]> {
  const { rows } = await transaction.query<ChangeSetRow>(
    `SELECT * FROM crm_change_sets
     WHERE record_type = $1 AND record_id = $2 AND status IN (SELECT jsonb_array_elements_text($3::jsonb))
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(changes) AS change WHERE change ->> 'field' IN (SELECT jsonb_array_elements_text($4::jsonb)))
     ORDER BY created_at, id FOR UPDATE`,
    [record.type, record.id, JSON.stringify(statuses), JSON.stringify(fields)],
  );
  return rows.map(toChangeSet);
}

export async function listChangeSets(sql: SqlClient, options: ListChangeSetsOptions = {}): Promise<ChangeSet[]> {
  const { rows } = await sql.query<ChangeSetRow>(
    `SELECT * FROM crm_change_sets
     WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR record_type = $2) AND ($3::text IS NULL OR record_id = $3) AND ($4::text IS NULL OR run_id = $4)
     ORDER BY created_at DESC, id DESC LIMIT $5`,
    [options.status ?? null, options.record?.type ?? null, options.record?.id ?? null, options.runId ?? null, Math.min(Math.max(options.limit ?? 50, 1), 500)],
  );
  return rows.map(toChangeSet);
}
