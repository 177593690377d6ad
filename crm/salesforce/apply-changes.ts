import type { Logger } from '../../src/logging/index.js';
import type { ApplyChangesRequest, ApplyChangesResult } from '../adapter/index.js';
import { alreadyApplied, parseChangeRequest, valuesMatch, type ChangeRequest } from './change-request.js';
import type { SalesforceCall } from './salesforce-caller.js';
import { isRecordChanged, recordChanged } from './salesforce-errors.js';
import { describeFailure, isTransientFailure } from './salesforce-failure.js';
import { readSalesforceRecord } from './salesforce-reads.js';

export interface SalesforceWriteContext {
  readonly call: SalesforceCall;
  readonly logger: Logger;
}

/**
 * One record's change set: read, skip if already applied (see `alreadyApplied`), PATCH with
 * `If-Unmodified-Since` so Salesforce refuses (412) if anyone wrote since the read, then read the
 * record back. A 412 is a conflict with `reason: 'record_changed'` and nothing written.
 */
export async function applySalesforceChanges(context: SalesforceWriteContext, input: ApplyChangesRequest): Promise<ApplyChangesResult> {
  const request = parseChangeRequest(input);
  const log = { integration: 'salesforce', record: request.record, idempotencyKey: request.idempotencyKey, fields: Object.keys(request.values) };
  const current = await readSalesforceRecord(context.call, request.record);
  if (alreadyApplied(current, request)) {
    context.logger.info(log, 'change set already in Salesforce; not writing it again');
    return { record: current, written: false };
  }
  const outcome = await patchIfUnmodified(context.call, request);
  const record = await readSalesforceRecord(context.call, request.record);
  // A 412 after an attempt whose answer was lost: that attempt may be the change that moved the record on.
  if (outcome === 'uncertain' && !valuesMatch(record, request)) throw recordChanged({ action: 'writing', record: request.record });
  context.logger.info(log, 'wrote change set to Salesforce');
  return { record, written: true };
}

/**
 * The PATCH goes out through `connection.request`, not `sobject.update`, so the URL, body and
 * conditional header are exactly what this code says whatever jsforce does with a single-record
 * update. Returns 'uncertain' when Salesforce answered 412 after an earlier
 * attempt of this same write failed without a clear answer (5xx, network, timeout).
 */
async function patchIfUnmodified(call: SalesforceCall, request: ChangeRequest): Promise<'written' | 'uncertain'> {
  const { record } = request;
  const attempts = { unanswered: false };
  try {
    await call({ action: `updating ${record.type} ${record.id}`, record }, async (connection) => {
      try {
        await connection.request({
          method: 'PATCH',
          url: `/sobjects/${record.type}/${record.id}`,
          body: JSON.stringify(request.values),
          headers: { 'content-type': 'application/json', 'if-unmodified-since': request.ifUnmodifiedSince },
        });
      } catch (error) {
        if (isTransientFailure(describeFailure(error))) attempts.unanswered = true;
        throw error;
      }
    });
    return 'written';
  } catch (error) {
    if (attempts.unanswered && isRecordChanged(error)) return 'uncertain';
    throw error;
  }
}
