import { BatonError, type ErrorCode } from '../../src/errors/index.js';
import type { RecordRef } from '../adapter/index.js';
import { isTransientFailure, type SalesforceFailure } from './salesforce-failure.js';

/**
 * The error table has no CRM codes yet, so Salesforce's throttling and outages borrow the closest
 * retryable third-party codes. When `crm_rate_limited` / `crm_unavailable` are added, only this changes.
 */
export const SALESFORCE_THIRD_PARTY_CODES = { rateLimited: 'crm_rate_limited', unavailable: 'crm_unavailable' } as const satisfies Record<string, ErrorCode>;

export interface SalesforceCallContext {
  /** What Baton was doing, for messages: `reading Account 001…`, `querying Lead`. */
  readonly action: string;
  readonly record?: RecordRef;
}

const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'ENTITY_IS_DELETED', 'INVALID_CROSS_REFERENCE_KEY']);
const INPUT_CODES = new Set([
  'INVALID_FIELD', 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'INVALID_FIELD_FOR_INSERT_UPDATE', 'STRING_TOO_LONG', 'INVALID_TYPE_ON_FIELD_IN_RECORD',
  'REQUIRED_FIELD_MISSING', 'FIELD_INTEGRITY_EXCEPTION', 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'NUMBER_OUTSIDE_VALID_RANGE',
  'INVALID_EMAIL_ADDRESS', 'MALFORMED_QUERY', 'INVALID_TYPE', 'JSON_PARSER_ERROR', 'MALFORMED_ID', 'INVALID_ID_FIELD', 'DUPLICATE_VALUE', 'MALFORMED_HEADER',
]);
const ACCESS_CODES = new Set([
  'INVALID_SESSION_ID', 'INSUFFICIENT_ACCESS', 'INSUFFICIENT_ACCESS_OR_READONLY', 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
  'API_DISABLED_FOR_ORG', 'API_CURRENTLY_DISABLED', 'FUNCTIONALITY_NOT_ENABLED',
]);

/** Turns a Salesforce failure into the BatonError a caller (governance, a job) can act on. */
export function toCrmError(failure: SalesforceFailure, context: SalesforceCallContext, options: { attempts?: number; cause?: unknown } = {}): BatonError {
  const { errorCode, message, fields } = failure;
  const attempts = options.attempts ?? 1;
  const details = { integration: 'salesforce', errorCode, ...(fields.length > 0 ? { fields } : {}), ...(context.record === undefined ? {} : { record: context.record }) };
  const error = (code: ErrorCode, text: string, extra: Record<string, unknown> = {}) => new BatonError(code, text, { cause: options.cause ?? failure, details: { ...details, ...extra } });
  if (errorCode === 'PRECONDITION_FAILED') return recordChanged(context);
  if (errorCode === 'ENTITY_IS_LOCKED') return error('conflict', `Salesforce has the record locked (an approval or a running process) while ${context.action}: ${message}`, { reason: 'record_locked' });
  if (NOT_FOUND_CODES.has(errorCode)) return error('not_found', `Salesforce found no such record while ${context.action}: ${message} (${errorCode}).`);
  if (INPUT_CODES.has(errorCode)) {
    const blamed = fields.length > 0 ? fields.join(', ') : 'the request';
    return error('input_invalid', `Salesforce rejected ${blamed} while ${context.action}: ${message} (${errorCode}).`);
  }
  if (errorCode === 'REQUEST_LIMIT_EXCEEDED') {
    return error(SALESFORCE_THIRD_PARTY_CODES.rateLimited, `Salesforce's API request limit for the org is used up (REQUEST_LIMIT_EXCEEDED) while ${context.action}; try again later or raise the org's limit.`);
  }
  if (ACCESS_CODES.has(errorCode)) return error('unauthorized', `Salesforce refused ${context.action}: ${message} (${errorCode}); check the integration user's permissions and session.`);
  if (errorCode === 'TIMEOUT') return error('timeout', `Salesforce did not answer while ${context.action} (${attempts} attempt${attempts === 1 ? '' : 's'}).`);
  if (isTransientFailure(failure)) return error(SALESFORCE_THIRD_PARTY_CODES.unavailable, `Salesforce failed while ${context.action} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message} (${errorCode}).`);
  return error('internal', `Salesforce answered ${errorCode} while ${context.action}: ${message}`);
}

/** The answer to a 412: nothing was written because the record moved on since it was read. */
export function recordChanged(context: SalesforceCallContext): BatonError {
  const what = context.record === undefined ? 'A record' : `${context.record.type} ${context.record.id}`;
  return new BatonError('conflict', `Salesforce ${what} changed since it was read; nothing was written. Read it again and propose the change anew.`, {
    details: { integration: 'salesforce', reason: 'record_changed', ...(context.record === undefined ? {} : { record: context.record }) },
  });
}

export function isRecordChanged(error: unknown): error is BatonError {
  return error instanceof BatonError && error.code === 'conflict' && error.details['reason'] === 'record_changed';
}
