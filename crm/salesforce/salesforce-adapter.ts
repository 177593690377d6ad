import { BatonError } from '../../src/errors/index.js';
import type { Logger } from '../../src/logging/index.js';
import type { ApplyChangesRequest, ApplyChangesResult, CrmAdapter } from '../adapter/index.js';
import { applySalesforceChangesBatch } from './apply-changes-batch.js';
import { applySalesforceChanges } from './apply-changes.js';
import { createSalesforceCaller } from './salesforce-caller.js';
import type { SalesforceConnectionOptions } from './salesforce-connection-options.js';
import { querySalesforce, readSalesforceRecord } from './salesforce-reads.js';
import { openSalesforceSession } from './salesforce-session.js';

export interface SalesforceAdapterOptions {
  readonly connection: SalesforceConnectionOptions;
  readonly logger: Logger;
  /** Attempts per call for server errors, network failures and timeouts; defaults to 3. */
  readonly maxAttempts?: number;
  /** The first back-off between attempts, doubling after; defaults to 500 ms. */
  readonly retryDelayMs?: number;
  /** How long one request may take; defaults to 60 s. */
  readonly requestTimeoutMs?: number;
}

export interface SalesforceAdapter extends CrmAdapter {
  readonly kind: 'salesforce';
  /** Several records' change sets written all-or-nothing in one sObject Collections call; see `applySalesforceChangesBatch`. */
  applyChangesBatch(requests: readonly ApplyChangesRequest[]): Promise<ApplyChangesResult[]>;
}

/**
 * The CRM adapter over a Salesforce org through jsforce. With a login configured it logs in
 * here, so wrong credentials fail at start-up rather than on the first write.
 */
export async function createSalesforceAdapter(options: SalesforceAdapterOptions): Promise<SalesforceAdapter> {
  const maxAttempts = options.maxAttempts ?? 3;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new BatonError('config_invalid', `Salesforce maxAttempts must be a whole number of at least 1, not ${maxAttempts}.`);
  const { logger } = options;
  const session = await openSalesforceSession({ connection: options.connection, logger, requestTimeoutMs: options.requestTimeoutMs ?? 60_000 });
  const call = createSalesforceCaller({ session, logger, maxAttempts, retryDelayMs: options.retryDelayMs ?? 500 });
  const context = { call, logger };
  return {
    kind: 'salesforce',
    getRecord: (ref) => readSalesforceRecord(call, ref),
    query: (query) => querySalesforce(call, query),
    applyChanges: (request) => applySalesforceChanges(context, request),
    applyChangesBatch: (requests) => applySalesforceChangesBatch(context, requests),
    // Nothing to release: jsforce keeps no connection open between calls. The session is not
    // revoked, because Salesforce hands the same token to every login of one user and app, so
    // revoking it would sign out other Baton processes too.
    close: () => Promise.resolve(),
  };
}
