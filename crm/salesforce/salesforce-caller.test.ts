import { Connection } from 'jsforce';
import { describe, expect, it, vi } from 'vitest';
import { BatonError } from '../../src/errors/index.js';
import { createLogger } from '../../src/logging/index.js';
import { createSalesforceCaller } from './salesforce-caller.js';

const restError = (errorCode: string) => Object.assign(new Error(`${errorCode} happened`), { errorCode, data: { errorCode, message: `${errorCode} happened` } });
const context = { action: 'reading Account 001000000000001AAA' };

function caller(renew = vi.fn(() => Promise.resolve())) {
  const session = { connection: new Connection({ version: '62.0' }), generation: 0, renew };
  return { call: createSalesforceCaller({ session, logger: createLogger({ level: 'silent' }), maxAttempts: 3, retryDelayMs: 1 }), renew };
}

/** An operation that throws each of `errors` in turn, then answers `done`. */
function failing(...errors: Error[]) {
  return vi.fn(() => {
    const error = errors.shift();
    return error === undefined ? Promise.resolve('done') : Promise.reject(error);
  });
}

describe('createSalesforceCaller', () => {
  it('retries server errors and network failures up to maxAttempts, then says how many it made', async () => {
    const { call } = caller();
    const twice = failing(restError('SERVER_UNAVAILABLE'), Object.assign(new Error('reset'), { name: 'FetchError', code: 'ECONNRESET' }));
    await expect(call(context, twice)).resolves.toBe('done');
    expect(twice).toHaveBeenCalledTimes(3);
    const always = failing(restError('UNKNOWN_EXCEPTION'), restError('UNKNOWN_EXCEPTION'), restError('UNKNOWN_EXCEPTION'));
    await expect(call(context, always)).rejects.toMatchObject({ code: 'crm_unavailable', message: expect.stringContaining('after 3 attempts') });
    expect(always).toHaveBeenCalledTimes(3);
  });

  it('does not retry answers that will not change', async () => {
    const { call } = caller();
    const operation = failing(restError('REQUEST_LIMIT_EXCEEDED'));
    await expect(call(context, operation)).rejects.toMatchObject({ code: 'crm_rate_limited' });
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('renews an expired session once, without spending an attempt, and gives up on a second expiry', async () => {
    const { call, renew } = caller();
    const once = failing(restError('INVALID_SESSION_ID'), restError('SERVER_UNAVAILABLE'), restError('SERVER_UNAVAILABLE'));
    await expect(call(context, once)).resolves.toBe('done');
    expect([once.mock.calls.length, renew.mock.calls.length]).toEqual([4, 1]);
    const twice = failing(restError('INVALID_SESSION_ID'), restError('INVALID_SESSION_ID'));
    await expect(call(context, twice)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(renew).toHaveBeenCalledTimes(2);
  });

  it('passes a BatonError from the renewal or the operation through untouched', async () => {
    const refused = new BatonError('unauthorized', 'Salesforce session expired: refresh SALESFORCE_ACCESS_TOKEN');
    const { call } = caller(vi.fn(() => Promise.reject(refused)));
    await expect(call(context, failing(restError('INVALID_SESSION_ID')))).rejects.toBe(refused);
    const own = new BatonError('not_found', 'no such Account');
    await expect(call(context, failing(own))).rejects.toBe(own);
  });
});
