import { describe, expect, it } from 'vitest';
import { describeFailure, isTransientFailure } from './salesforce-failure.js';

/** The shape jsforce's HttpApiError has: `errorCode`, and the REST error item as `data`. */
function restError(errorCode: string, message: string, fields?: string[]): Error {
  return Object.assign(new Error(message), { name: errorCode, errorCode, data: { errorCode, message, fields } });
}

describe('describeFailure', () => {
  it('reads the errorCode and blamed fields of a REST error, from `fields` or from the message', () => {
    expect(describeFailure(restError('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Too small', ['NumberOfEmployees']))).toEqual({ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Too small', fields: ['NumberOfEmployees'] });
    expect(describeFailure(restError('INVALID_FIELD', "No such column 'Colour__c' on sobject of type Account", [])).fields).toEqual(['Colour__c']);
    expect(describeFailure(restError('INVALID_FIELD_FOR_INSERT_UPDATE', 'Unable to create/update fields: CreatedDate, Id. Please check')).fields).toEqual(['CreatedDate', 'Id']);
  });

  it('keeps a multi-line SOQL error on one line', () => {
    expect(describeFailure(restError('MALFORMED_QUERY', "\nSELECT Id FORM Account\n        ^\nERROR at Row:1:Column:11\nunexpected token: 'FORM'")).message).toBe("SELECT Id FORM Account ^ ERROR at Row:1:Column:11 unexpected token: 'FORM'");
  });

  it('tells network failures, timeouts and server errors (retried) from answers that will not change', () => {
    const network = describeFailure(Object.assign(new Error('connect ECONNREFUSED'), { name: 'FetchError', code: 'ECONNREFUSED' }));
    const timeout = describeFailure(Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' }));
    expect([network.errorCode, timeout.errorCode]).toEqual(['NETWORK_ERROR', 'TIMEOUT']);
    for (const failure of [network, timeout, describeFailure(restError('ERROR_HTTP_502', 'html')), describeFailure(restError('UNABLE_TO_LOCK_ROW', 'locked'))]) {
      expect(isTransientFailure(failure), failure.errorCode).toBe(true);
    }
    for (const code of ['REQUEST_LIMIT_EXCEEDED', 'INVALID_FIELD', 'PRECONDITION_FAILED', 'INVALID_SESSION_ID']) {
      expect(isTransientFailure(describeFailure(restError(code, 'no'))), code).toBe(false);
    }
  });

  it('reads OAuth errors by name', () => {
    expect(describeFailure(Object.assign(new Error('authentication failure'), { name: 'invalid_grant' }))).toMatchObject({ errorCode: 'invalid_grant' });
  });
});
