import type { SqlClient } from '../../src/store/index.js';
import { CrmQuerySchema, type CrmQuery, type CrmRecord } from '../adapter/index.js';
import { toCrmRecord, type CrmRecordRow } from './embedded-crm-rows.js';

// Non-null filters are one containment test (served by the GIN index); a null filter matches a missing or null field, as in SOQL.
const QUERY = `
SELECT type, id, fields, last_modified FROM crm_records
WHERE type = $1 AND fields @> $2::jsonb
  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text($3::jsonb) AS absent (name) WHERE fields ->> absent.name IS NOT NULL)
ORDER BY id LIMIT $4`;

export async function queryEmbeddedRecords(sql: SqlClient, query: CrmQuery): Promise<CrmRecord[]> {
  const parsed = CrmQuerySchema.parse(query);
  const filters = Object.entries(parsed.where);
  const present = Object.fromEntries(filters.filter(([, value]) => value !== null));
  const absent = filters.filter(([, value]) => value === null).map(([field]) => field);
  const { rows } = await sql.query<CrmRecordRow>(QUERY, [parsed.type, JSON.stringify(present), JSON.stringify(absent), parsed.limit]);
  const records = rows.map(toCrmRecord);
  const wanted = parsed.fields;
  if (wanted === undefined) return records;
  return records.map((record) => ({ ...record, fields: Object.fromEntries(wanted.filter((field) => field in record.fields).map((field) => [field, record.fields[field]])) }));
}
