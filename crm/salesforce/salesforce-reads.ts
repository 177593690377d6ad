import { toBatonError } from '../../src/errors/index.js';
import { CrmQuerySchema, type CrmQuery, type CrmRecord, type RecordRef } from '../adapter/index.js';
import { buildSoql, DEFAULT_QUERY_FIELDS } from './build-soql.js';
import type { SalesforceCall } from './salesforce-caller.js';
import { parseRecordRef, toCrmRecord } from './salesforce-record.js';

interface QueryPage {
  readonly records: readonly unknown[];
  readonly done: boolean;
  readonly nextRecordsUrl?: string;
}

/** `GET …/sobjects/{Type}/{Id}`: every field the integration user can read. */
export async function readSalesforceRecord(call: SalesforceCall, value: RecordRef): Promise<CrmRecord> {
  const ref = parseRecordRef(value);
  const raw: unknown = await call({ action: `reading ${ref.type} ${ref.id}`, record: ref }, (connection) => connection.sobject(ref.type).retrieve(ref.id));
  return toCrmRecord(ref.type, raw);
}

/**
 * `GET …/query?q=` with SOQL built from the query, then `queryMore` along `nextRecordsUrl` until
 * the limit is reached or Salesforce is done. Each page is its own call, so a failed page is
 * retried alone and the pages already read are kept.
 */
export async function querySalesforce(call: SalesforceCall, input: CrmQuery): Promise<CrmRecord[]> {
  const parsed = CrmQuerySchema.safeParse(input);
  if (!parsed.success) throw toBatonError(parsed.error);
  const query = parsed.data;
  const soql = buildSoql({ type: query.type, fields: query.fields ?? DEFAULT_QUERY_FIELDS[query.type], where: query.where, limit: query.limit });
  const context = { action: `querying ${query.type}` };
  let page = await call(context, async (connection): Promise<QueryPage> => connection.query(soql));
  const records = [...page.records];
  while (records.length < query.limit && !page.done && page.nextRecordsUrl !== undefined) {
    const locator = page.nextRecordsUrl;
    page = await call(context, async (connection): Promise<QueryPage> => connection.queryMore(locator));
    records.push(...page.records);
  }
  return records.slice(0, query.limit).map((record) => toCrmRecord(query.type, record));
}
