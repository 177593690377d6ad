import { BatonError } from '../../src/errors/index.js';
import type { SqlClient } from '../../src/store/index.js';
import { CrmRecordSchema, RecordRefSchema, type CrmAdapter, type CrmObjectType, type CrmRecord, type RecordRef } from '../adapter/index.js';
import { applyEmbeddedChanges } from './apply-embedded-changes.js';
import { describeRecord, nextLastModified, readRecord, toCrmRecord, type CrmRecordRow } from './embedded-crm-rows.js';
import { queryEmbeddedRecords } from './query-embedded-records.js';

export interface EmbeddedCrmOptions {
  /** The state store's client: the CRM lives in the same database as runs and change sets. */
  readonly sql: SqlClient;
  /** When records change; tests pass their own. */
  readonly clock?: () => Date;
}

/** A record to add: its fields by Salesforce API name (`LegalHold__c: true` puts it under legal hold). */
export interface NewCrmRecord {
  readonly type: CrmObjectType;
  readonly id: string;
  readonly fields: Record<string, unknown>;
}

/** The CRM kept in the state database: the default set-up and demos, and the CRM tests run against. */
export interface EmbeddedCrm extends CrmAdapter {
  readonly kind: 'embedded';
  /** Adds the records that are missing and leaves existing ones as they are. */
  insertRecords(records: readonly NewCrmRecord[]): Promise<{ inserted: number; existing: number }>;
  /** Puts a record under legal hold or lifts it (a change of the record, so its lastModified moves). */
  setLegalHold(ref: RecordRef, onHold: boolean): Promise<CrmRecord>;
  /** The owners and reps (User records), by id. */
  listUsers(): Promise<CrmRecord[]>;
}

const INSERT_MISSING = `
INSERT INTO crm_records (type, id, fields, last_modified)
SELECT record.type, record.id, record.fields, $2::timestamptz FROM jsonb_to_recordset($1::jsonb) AS record (type text, id text, fields jsonb)
ON CONFLICT (type, id) DO NOTHING RETURNING id`;

const SET_LEGAL_HOLD = `
UPDATE crm_records SET fields = fields || jsonb_build_object('LegalHold__c', $3::boolean), last_modified = ${nextLastModified('$4')}
WHERE type = $1 AND id = $2 RETURNING type, id, fields, last_modified`;

export function createEmbeddedCrm(options: EmbeddedCrmOptions): EmbeddedCrm {
  const { sql } = options;
  const clock = options.clock ?? (() => new Date());
  return {
    kind: 'embedded',
    getRecord: (ref) => readRecord(sql, RecordRefSchema.parse(ref)),
    query: (query) => queryEmbeddedRecords(sql, query),
    applyChanges: (request) => applyEmbeddedChanges(sql, request, clock()),
    close: () => Promise.resolve(),
    async insertRecords(records) {
      const parsed = records.map((record) => CrmRecordSchema.omit({ lastModified: true }).parse(record));
      if (parsed.length === 0) return { inserted: 0, existing: 0 };
      const { rows } = await sql.query(INSERT_MISSING, [JSON.stringify(parsed), clock()]);
      return { inserted: rows.length, existing: parsed.length - rows.length };
    },
    async setLegalHold(ref, onHold) {
      const record = RecordRefSchema.parse(ref);
      const { rows } = await sql.query<CrmRecordRow>(SET_LEGAL_HOLD, [record.type, record.id, onHold, clock()]);
      const row = rows[0];
      if (row === undefined) throw new BatonError('not_found', `${describeRecord(record)} does not exist in the embedded CRM.`, { details: { record } });
      return toCrmRecord(row);
    },
    listUsers: () => queryEmbeddedRecords(sql, { type: 'User', limit: 2_000 }),
  };
}
