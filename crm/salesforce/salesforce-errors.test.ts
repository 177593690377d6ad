import { describe, expect, it } from 'vitest';
import { isRecordChanged, toCrmError } from './salesforce-errors.js';

const record = { type: 'Account' as const, id: '001000000000001AAA' };
const context = { action: `updating Account ${record.id}`, record };
const failure = (errorCode: string, fields: string[] = []) => ({ errorCode, message: `${errorCode} happened`, fields });

describe('toCrmError', () => {
  it('maps Salesforce error codes onto the error table', () => {
    const cases: [string, string][] = [
      ['NOT_FOUND', 'not_found'],
      ['ENTITY_IS_DELETED', 'not_found'],
      ['FIELD_CUSTOM_VALIDATION_EXCEPTION', 'input_invalid'],
      ['MALFORMED_QUERY', 'input_invalid'],
      ['INVALID_SESSION_ID', 'unauthorized'],
      ['INSUFFICIENT_ACCESS_OR_READONLY', 'unauthorized'],
      ['REQUEST_LIMIT_EXCEEDED', 'crm_rate_limited'],
      ['SERVER_UNAVAILABLE', 'crm_unavailable'],
      ['ERROR_HTTP_502', 'crm_unavailable'],
      ['TIMEOUT', 'timeout'],
      ['ENTITY_IS_LOCKED', 'conflict'],
      ['SOMETHING_NEW', 'internal'],
    ];
    for (const [errorCode, code] of cases) expect(toCrmError(failure(errorCode), context).code, errorCode).toBe(code);
  });

  it('names the blamed fields and keeps the record in the details', () => {
    const error = toCrmError(failure('FIELD_CUSTOM_VALIDATION_EXCEPTION', ['NumberOfEmployees']), context);
    expect(error.message).toMatch(/^Salesforce rejected NumberOfEmployees while updating Account 001/);
    expect(error.details).toEqual({ integration: 'salesforce', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['NumberOfEmployees'], record });
  });

  it('turns a 412 into a record_changed conflict saying nothing was written', () => {
    const error = toCrmError(failure('PRECONDITION_FAILED'), context);
    expect(isRecordChanged(error)).toBe(true);
    expect(error.message).toContain('nothing was written');
    expect(error.details).toMatchObject({ reason: 'record_changed', record });
  });

  it('says how many attempts a server failure took', () => {
    expect(toCrmError(failure('UNKNOWN_EXCEPTION'), context, { attempts: 3 }).message).toContain('after 3 attempts');
  });
});
