import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BatonError } from './baton-error.js';
import { ERROR_CODES } from './error-codes.js';
import { toBatonError } from './to-baton-error.js';

describe('toBatonError', () => {
  it('keeps a BatonError as it is', () => {
    const error = new BatonError('not_found', 'no such run');
    expect(toBatonError(error)).toBe(error);
  });

  it('turns a zod error into input_invalid naming each field', () => {
    const result = z.object({ reply: z.object({ text: z.string() }) }).safeParse({ reply: { text: 3 } });
    const error = toBatonError(result.error);
    expect(error.code).toBe('input_invalid');
    expect(error.message).toMatch(/^reply\.text: /);
    expect(error.fault).toBe('user');
    expect(error.retryable).toBe(false);
  });

  it('turns an abort into a retryable timeout and anything else into internal', () => {
    const abort = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(toBatonError(abort).code).toBe('timeout');
    expect(toBatonError(abort).retryable).toBe(true);
    expect(toBatonError(new TypeError('x is undefined')).code).toBe('internal');
    expect(toBatonError('a string').message).toContain('a string');
  });

  it('serialises without stack or cause, for rows and wire results', () => {
    const json = new BatonError('model_rate_limited', 'slow down', { cause: new Error('inner'), details: { status: 429 } }).toJSON();
    expect(json).toEqual({ code: 'model_rate_limited', message: 'slow down', fault: 'third_party', retryable: true, details: { status: 429 } });
  });

  it('gives every code a fault and a retry decision', () => {
    for (const info of Object.values(ERROR_CODES)) {
      expect(['user', 'system', 'third_party']).toContain(info.fault);
      expect(typeof info.retryable).toBe('boolean');
    }
  });
});
