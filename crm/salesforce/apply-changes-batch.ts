import { BatonError } from '../../src/errors/index.js';
import type { ApplyChangesRequest, ApplyChangesResult, CrmRecord, RecordRef } from '../adapter/index.js';
import type { SalesforceWriteContext } from './apply-changes.js';
import { alreadyApplied, parseChangeRequest, type ChangeRequest } from './change-request.js';
import type { SalesforceCall } from './salesforce-caller.js';
import { toCrmError } from './salesforce-errors.js';
import { readSalesforceRecords, updateSalesforceCollection } from './salesforce-collections.js';

/** sObject Collections take at most 200 records per call; more would split the all-or-nothing write. */
export const MAX_BATCH_RECORDS = 200;

/**
 * Several records' change sets with one write instead of one per record: read them all (one
 * `POST …/composite/sobjects/{Type}` per object), refuse the whole batch if any record changed
 * since it was read, write the rest in one `PATCH …/composite/sobjects` with `allOrNone: true`
 * (every record is written or none is), and read them back.
 *
 * Weaker than `applyChanges` in one way: sObject Collections take no `If-Unmodified-Since`, so
 * the check happens just before the write rather than inside it. A change that lands in that
 * window (well under a second) is overwritten, and a write retried after a lost answer writes the
 * same values again. Use single `applyChanges` where that matters. Returned records carry Id,
 * LastModifiedDate and the changed fields only.
 */
export async function applySalesforceChangesBatch(context: SalesforceWriteContext, inputs: readonly ApplyChangesRequest[]): Promise<ApplyChangesResult[]> {
  if (inputs.length === 0) return [];
  if (inputs.length > MAX_BATCH_RECORDS) {
    throw new BatonError('input_invalid', `A Salesforce batch holds at most ${MAX_BATCH_RECORDS} change sets, not ${inputs.length}; split it (each part is all-or-nothing on its own).`);
  }
  const requests = inputs.map(parseChangeRequest);
  assertDistinctRecords(requests);
  const current = await readRecords(context.call, requests);
  const stale = current.filter(({ request, record }) => !alreadyApplied(record, request) && Date.parse(record.lastModified) > Date.parse(request.expectedLastModified));
  if (stale.length > 0) throw batchChanged(stale.map(({ request }) => request.record), requests.length);
  const pending = current.filter(({ request, record }) => !alreadyApplied(record, request)).map(({ request }) => request);
  if (pending.length > 0) await writeAll(context.call, pending);
  const written = new Map((await readRecords(context.call, pending)).map(({ request, record }) => [key(request.record), record]));
  context.logger.info({ integration: 'salesforce', records: requests.length, written: pending.length }, 'applied change sets to Salesforce in one batch');
  return current.map(({ request, record }) => {
    const after = written.get(key(request.record));
    return after === undefined ? { record, written: false } : { record: after, written: true };
  });
}

async function readRecords(call: SalesforceCall, requests: readonly ChangeRequest[]): Promise<{ request: ChangeRequest; record: CrmRecord }[]> {
  const records = await readSalesforceRecords(call, requests.map((request) => ({ ref: request.record, fields: Object.keys(request.values) })));
  return requests.map((request, index) => {
    const record = records[index];
    if (record === undefined) throw new BatonError('internal', `Salesforce did not return ${request.record.type} ${request.record.id} in a batch read.`);
    return { request, record };
  });
}

async function writeAll(call: SalesforceCall, requests: readonly ChangeRequest[]): Promise<void> {
  const failure = await updateSalesforceCollection(call, requests.map((request) => ({ ref: request.record, values: request.values })));
  if (failure !== undefined) throw toCrmError(failure.failure, { action: `updating ${failure.ref.type} ${failure.ref.id} in a batch (nothing in the batch was written)`, record: failure.ref });
}

function assertDistinctRecords(requests: readonly ChangeRequest[]): void {
  const seen = new Set<string>();
  for (const { record } of requests) {
    if (seen.has(key(record))) throw new BatonError('input_invalid', `${record.type} ${record.id} appears twice in one batch; merge its change sets first.`, { details: { record } });
    seen.add(key(record));
  }
}

function batchChanged(records: readonly RecordRef[], total: number): BatonError {
  const names = records.map((record) => `${record.type} ${record.id}`).join(', ');
  return new BatonError('conflict', `Salesforce ${names} changed since read (${records.length} of ${total} in the batch); nothing was written. Read them again and propose the changes anew.`, {
    details: { integration: 'salesforce', reason: 'record_changed', record: records[0], records },
  });
}

function key(record: RecordRef): string {
  return `${record.type}/${record.id}`;
}
