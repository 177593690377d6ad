import { BatonError } from '../../src/errors/index.js';
import type { SqlClient } from '../../src/store/index.js';
import type { CrmObjectType, CrmRecord, RecordRef } from '../adapter/index.js';

export interface CrmRecordRow {
  type: CrmObjectType;
  id: string;
  fields: Record<string, unknown>;
  last_modified: Date | string;
}

/** Milliseconds only: the token must survive a round trip through an ISO string unchanged. */
export function toIsoTime(value: Date | string): string {
  return new Date(value).toISOString();
}

export function toCrmRecord(row: CrmRecordRow): CrmRecord {
  return { type: row.type, id: row.id, fields: row.fields, lastModified: toIsoTime(row.last_modified) };
}

export function describeRecord(ref: RecordRef): string {
  return `${ref.type} ${ref.id}`;
}

export async function readRecord(sql: SqlClient, ref: RecordRef): Promise<CrmRecord> {
  const { rows } = await sql.query<CrmRecordRow>('SELECT type, id, fields, last_modified FROM crm_records WHERE type = $1 AND id = $2', [ref.type, ref.id]);
  const row = rows[0];
  if (row === undefined) {
    throw new BatonError('not_found', `${describeRecord(ref)} does not exist in the embedded CRM (run \`baton crm seed\` for the sample book).`, { details: { record: ref } });
  }
  return toCrmRecord(row);
}

/**
 * The next modification time: the clock's, but always after the previous one, so two writes in
 * one millisecond still get different concurrency tokens. `$n` is the clock's time parameter.
 */
export function nextLastModified(parameter: string): string {
  return `GREATEST(${parameter}::timestamptz, last_modified + interval '1 millisecond')`;
}
