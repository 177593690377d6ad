import { BatonError } from '../../src/errors/index.js';
import type { CrmObjectType, CrmRecord, RecordRef } from '../adapter/index.js';
import type { FieldValue } from './change-request.js';
import type { SalesforceCall } from './salesforce-caller.js';
import type { SalesforceFailure } from './salesforce-failure.js';
import { toCrmRecord } from './salesforce-record.js';

export interface CollectionRead {
  readonly ref: RecordRef;
  readonly fields: readonly string[];
}

export interface CollectionWrite {
  readonly ref: RecordRef;
  readonly values: Readonly<Record<string, FieldValue>>;
}

const ROLLED_BACK = 'ALL_OR_NONE_OPERATION_ROLLED_BACK';

/** Reads records with `POST …/composite/sobjects/{Type}`, one call per object; results line up with `reads`. */
export async function readSalesforceRecords(call: SalesforceCall, reads: readonly CollectionRead[]): Promise<CrmRecord[]> {
  const groups = new Map<CrmObjectType, { read: CollectionRead; index: number }[]>();
  reads.forEach((read, index) => groups.set(read.ref.type, [...(groups.get(read.ref.type) ?? []), { read, index }]));
  const records: CrmRecord[] = [];
  for (const [type, members] of groups) {
    const ids = members.map((member) => member.read.ref.id);
    const fields = [...new Set(['Id', 'LastModifiedDate', ...members.flatMap((member) => member.read.fields)])];
    const raw: unknown = await call({ action: `reading ${ids.length} ${type} records` }, (connection) => connection.sobject(type).retrieve(ids, { fields }));
    if (!Array.isArray(raw) || raw.length !== ids.length) throw new BatonError('internal', `Salesforce answered a read of ${ids.length} ${type} records with something else.`);
    members.forEach(({ read, index }, position) => {
      const item: unknown = raw[position];
      if (item === null) throw new BatonError('not_found', `Salesforce has no ${read.ref.type} ${read.ref.id}.`, { details: { integration: 'salesforce', record: read.ref } });
      records[index] = toCrmRecord(type, item);
    });
  }
  return records;
}

/**
 * Writes every record in one `PATCH …/composite/sobjects` with `allOrNone: true`. Salesforce
 * answers 200 even when it refused; the record that caused the refusal (not the ones merely
 * rolled back with it) comes back with its failure.
 */
export async function updateSalesforceCollection(call: SalesforceCall, writes: readonly CollectionWrite[]): Promise<{ ref: RecordRef; failure: SalesforceFailure } | undefined> {
  const records = writes.map(({ ref, values }) => ({ attributes: { type: ref.type }, id: ref.id, ...values }));
  const body = JSON.stringify({ allOrNone: true, records });
  const results: unknown = await call({ action: `updating ${writes.length} records in one batch` }, (connection) =>
    connection.request({ method: 'PATCH', url: '/composite/sobjects', body, headers: { 'content-type': 'application/json' } }),
  );
  if (!Array.isArray(results) || results.length !== writes.length) throw new BatonError('internal', 'Salesforce answered a batch update with something other than one result per record.');
  const failures = writes.flatMap(({ ref }, index) => {
    const failure = firstError(results[index]);
    return failure === undefined ? [] : [{ ref, failure }];
  });
  return failures.find((entry) => entry.failure.errorCode !== ROLLED_BACK) ?? failures[0];
}

/** An sObject Collections result's first error; its errors name `statusCode` where REST errors say `errorCode`. */
function firstError(result: unknown): SalesforceFailure | undefined {
  const { success, errors } = (typeof result === 'object' && result !== null ? result : {}) as { success?: unknown; errors?: unknown };
  if (success === true) return undefined;
  const error = (Array.isArray(errors) ? errors[0] : undefined) as { statusCode?: unknown; message?: unknown; fields?: unknown } | undefined;
  const fields = Array.isArray(error?.fields) ? error.fields.filter((field): field is string => typeof field === 'string') : [];
  return { errorCode: typeof error?.statusCode === 'string' ? error.statusCode : 'UNKNOWN', message: typeof error?.message === 'string' ? error.message : 'no reason given', fields };
}
