import { toWireRecord } from './fake-salesforce-server-query.js';
import type { FakeRecordStore } from './fake-salesforce-server-records.js';
import { FakeSalesforceError, type FakeRecordFields } from './fake-salesforce-server-types.js';

/** One entry of an sObject Collections answer; errors name `statusCode`, not `errorCode`. */
export interface CollectionResult {
  readonly id?: string;
  readonly success: boolean;
  readonly errors: readonly { readonly statusCode: string; readonly message: string; readonly fields: readonly string[] }[];
}

interface CheckedUpdate {
  readonly type: string;
  readonly id: string;
  readonly changes: FakeRecordFields;
}

const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

/**
 * `PATCH …/composite/sobjects`: up to 200 records of any objects in one call. With `allOrNone`,
 * one failing record fails them all and nothing is written; the answer is still 200.
 */
export function updateCollection(store: FakeRecordStore, body: unknown): CollectionResult[] {
  const { allOrNone, records } = readCollection(body);
  const checked = records.map((record) => checkRecord(store, record));
  const failed = checked.some((entry) => !('changes' in entry));
  if (failed && allOrNone) return checked.map((entry) => ('changes' in entry ? { id: entry.id, success: false, errors: [ROLLED_BACK] } : entry));
  return checked.map((entry) => {
    if (!('changes' in entry)) return entry;
    store.write(entry.type, entry.id, entry.changes);
    return { id: entry.id, success: true, errors: [] };
  });
}

/** `POST …/composite/sobjects/{Type}` with `{ ids, fields }`: each record, or null where an Id matches nothing. */
export function retrieveCollection(store: FakeRecordStore, type: string, body: unknown, version: string): (Record<string, unknown> | null)[] {
  const { ids, fields } = body as { ids?: unknown; fields?: unknown };
  if (!isStringArray(ids) || !isStringArray(fields) || fields.length === 0) {
    throw new FakeSalesforceError(400, 'JSON_PARSER_ERROR', 'The request body must name ids and fields as arrays of strings');
  }
  if (ids.length > 2_000) throw new FakeSalesforceError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 2000 records into this call');
  const known = store.knownFields(type);
  const unknown = fields.find((field) => !known.has(field));
  if (unknown !== undefined) throw new FakeSalesforceError(400, 'INVALID_FIELD', `No such column '${unknown}' on entity '${type}'.`);
  return ids.map((id) => {
    const record = store.find(type, id);
    return record === undefined ? null : toWireRecord(type, record, version, fields);
  });
}

function readCollection(body: unknown): { allOrNone: boolean; records: readonly Record<string, unknown>[] } {
  const { allOrNone, records } = (typeof body === 'object' && body !== null ? body : {}) as { allOrNone?: unknown; records?: unknown };
  if (!Array.isArray(records) || !records.every((record) => typeof record === 'object' && record !== null)) {
    throw new FakeSalesforceError(400, 'JSON_PARSER_ERROR', 'The request body must carry records as an array of objects');
  }
  if (records.length > 200) throw new FakeSalesforceError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');
  return { allOrNone: allOrNone === true, records: records as Record<string, unknown>[] };
}

function checkRecord(store: FakeRecordStore, record: Record<string, unknown>): CheckedUpdate | CollectionResult {
  const id = typeof record['id'] === 'string' ? record['id'] : record['Id'];
  const attributes = record['attributes'] as { type?: unknown } | undefined;
  const type = attributes?.type;
  if (typeof id !== 'string' || typeof type !== 'string') {
    return { success: false, errors: [{ statusCode: 'MISSING_ARGUMENT', message: 'Each record needs attributes.type and an id', fields: [] }] };
  }
  try {
    store.get(type, id);
    return { type, id, changes: store.check(type, record) };
  } catch (error) {
    if (!(error instanceof FakeSalesforceError)) throw error;
    const statusCode = error.item.errorCode === 'NOT_FOUND' ? 'INVALID_CROSS_REFERENCE_KEY' : error.item.errorCode;
    return { id, success: false, errors: [{ statusCode, message: error.item.message, fields: error.item.fields ?? [] }] };
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
