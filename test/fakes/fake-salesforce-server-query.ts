import type { FakeRecordStore } from './fake-salesforce-server-records.js';
import { parseSoql, type ParsedSoql } from './fake-salesforce-server-soql.js';
import { FakeSalesforceError, type FakeFieldValue, type FakeRecordFields } from './fake-salesforce-server-types.js';

export interface QueryPage {
  readonly totalSize: number;
  readonly done: boolean;
  readonly nextRecordsUrl?: string;
  readonly records: readonly Record<string, unknown>[];
}

interface Cursor {
  readonly records: readonly Record<string, unknown>[];
  readonly offset: number;
}

/** A record as the REST API sends it: `attributes` first, then the fields asked for. */
export function toWireRecord(type: string, record: FakeRecordFields, version: string, fields?: readonly string[]): Record<string, unknown> {
  const id = String(record['Id']);
  const attributes = { type, url: `/services/data/v${version}/sobjects/${type}/${id}` };
  if (fields === undefined) return { attributes, ...record };
  return { attributes, ...Object.fromEntries(fields.map((field) => [field, record[field] ?? null])) };
}

/**
 * `GET …/query?q=` and `GET …/query/{locator}`: results come back `pageSize` records at a time,
 * each page but the last carrying `nextRecordsUrl`, as Salesforce pages large results (2,000 by default).
 */
export class FakeQueryCursors {
  readonly #pageSize: number;
  readonly #cursors = new Map<string, Cursor>();
  #sequence = 0;

  constructor(pageSize = 2_000) {
    this.#pageSize = pageSize;
  }

  run(store: FakeRecordStore, soql: string | undefined, version: string): QueryPage {
    if (soql === undefined || soql.trim() === '') throw new FakeSalesforceError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    const query = parseSoql(soql);
    const known = store.knownFields(query.type);
    const unknown = [...query.fields, ...query.conditions.map((condition) => condition.field)].find((field) => !known.has(field));
    if (unknown !== undefined) {
      throw new FakeSalesforceError(400, 'INVALID_FIELD', `No such column '${unknown}' on entity '${query.type}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`);
    }
    const matches = store.all(query.type).filter((record) => matchesAll(record, query));
    const limited = query.limit === undefined ? matches : matches.slice(0, query.limit);
    const records = limited.map((record) => toWireRecord(query.type, record, version, query.fields));
    this.#sequence += 1;
    return this.#page(`01gFAKE${String(this.#sequence).padStart(8, '0')}`, { records, offset: 0 }, version);
  }

  more(locator: string, version: string): QueryPage {
    const cursor = this.#cursors.get(locator);
    if (cursor === undefined) throw new FakeSalesforceError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    this.#cursors.delete(locator);
    return this.#page(locator.replace(/-\d+$/, ''), cursor, version);
  }

  #page(cursorId: string, cursor: Cursor, version: string): QueryPage {
    const end = cursor.offset + this.#pageSize;
    const page = { totalSize: cursor.records.length, records: cursor.records.slice(cursor.offset, end) };
    if (end >= cursor.records.length) return { ...page, done: true };
    const locator = `${cursorId}-${end}`;
    this.#cursors.set(locator, { records: cursor.records, offset: end });
    return { ...page, done: false, nextRecordsUrl: `/services/data/v${version}/query/${locator}` };
  }
}

function matchesAll(record: FakeRecordFields, query: ParsedSoql): boolean {
  return query.conditions.every((condition) => equalsLiteral(record[condition.field], condition.value));
}

/** SOQL `=` on text is case-insensitive; a missing value equals `null`. */
function equalsLiteral(value: FakeFieldValue | undefined, literal: FakeFieldValue): boolean {
  if (literal === null) return value === null || value === undefined;
  if (typeof value === 'string' && typeof literal === 'string') return value.toLowerCase() === literal.toLowerCase();
  return value === literal;
}
