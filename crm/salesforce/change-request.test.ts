import { describe, expect, it } from 'vitest';
import type { ApplyChangesRequest, CrmRecord } from '../adapter/index.js';
import { alreadyApplied, parseChangeRequest } from './change-request.js';

const id = '001000000000001AAA';
const request = (changes: ApplyChangesRequest['changes'], extra: Partial<ApplyChangesRequest> = {}): ApplyChangesRequest => ({
  record: { type: 'Account', id },
  changes,
  expectedLastModified: '2026-05-01T10:00:00.000Z',
  idempotencyKey: 'change-set-7',
  ...extra,
});
const current = (fields: Record<string, unknown>, lastModified: string): CrmRecord => ({ type: 'Account', id, fields: { Id: id, ...fields }, lastModified });

describe('parseChangeRequest', () => {
  it('shapes the PATCH body and the If-Unmodified-Since date', () => {
    expect(parseChangeRequest(request([{ field: 'NumberOfEmployees', oldValue: 250, newValue: 300 }, { field: 'Website', oldValue: 'x', newValue: null }]))).toEqual({
      record: { type: 'Account', id },
      values: { NumberOfEmployees: 300, Website: null },
      expectedLastModified: '2026-05-01T10:00:00.000Z',
      ifUnmodifiedSince: 'Fri, 01 May 2026 10:00:00 GMT',
      idempotencyKey: 'change-set-7',
    });
  });

  it('refuses empty, duplicated, structured and Id changes, naming the field', () => {
    expect(() => parseChangeRequest(request([]))).toThrow(/at least one field change/);
    expect(() => parseChangeRequest(request([{ field: 'Name', oldValue: 'a', newValue: 'b' }, { field: 'Name', oldValue: 'a', newValue: 'c' }]))).toThrow(/Name is changed twice/);
    expect(() => parseChangeRequest(request([{ field: 'Name', oldValue: 'a', newValue: { first: 'b' } }]))).toThrow(/Name needs a string.*not an object/);
    expect(() => parseChangeRequest(request([{ field: 'Name', oldValue: 'a', newValue: undefined }]))).toThrow(/not undefined/);
    expect(() => parseChangeRequest(request([{ field: 'Id', oldValue: id, newValue: '001000000000002AAA' }]))).toThrow(/Id cannot be changed/);
    expect(() => parseChangeRequest(request([{ field: 'Name', oldValue: 'a', newValue: 'b' }], { idempotencyKey: ' ' }))).toThrow(/idempotencyKey/);
  });
});

describe('alreadyApplied', () => {
  const parsed = parseChangeRequest(request([{ field: 'NumberOfEmployees', oldValue: 250, newValue: 300 }]));

  it('is true only when every new value is in place and the record changed after the read', () => {
    expect(alreadyApplied(current({ NumberOfEmployees: 300 }, '2026-05-01T10:00:05.000Z'), parsed)).toBe(true);
    expect(alreadyApplied(current({ NumberOfEmployees: 300 }, '2026-05-01T10:00:00.000Z'), parsed)).toBe(false);
    expect(alreadyApplied(current({ NumberOfEmployees: 310 }, '2026-05-01T10:00:05.000Z'), parsed)).toBe(false);
    expect(alreadyApplied(current({}, '2026-05-01T10:00:05.000Z'), parsed)).toBe(false);
  });
});
