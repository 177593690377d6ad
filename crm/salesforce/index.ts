export { createSalesforceAdapter, type SalesforceAdapter, type SalesforceAdapterOptions } from './salesforce-adapter.js';
export {
  DEFAULT_SALESFORCE_API_VERSION,
  type SalesforceAccessTokenCredentials,
  type SalesforceClientCredentials,
  type SalesforceConnectionOptions,
  type SalesforceCredentials,
  type SalesforcePasswordCredentials,
} from './salesforce-connection-options.js';
export { MAX_BATCH_RECORDS } from './apply-changes-batch.js';
export { SALESFORCE_THIRD_PARTY_CODES } from './salesforce-errors.js';
