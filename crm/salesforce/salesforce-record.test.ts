import { describe, expect, it } from 'vitest';
import { parseRecordRef, toCrmRecord, toHttpDate, toIsoDateTime } from './salesforce-record.js';

describe('Salesforce records', () => {
  it('turns a REST record into a CrmRecord: attributes dropped, LastModifiedDate as ISO lastModified', () => {
    const raw = { attributes: { type: 'Account', url: '/x' }, Id: '001000000000001AAA', Name: 'Acme', LastModifiedDate: '2026-05-01T10:00:00.000+0000' };
    expect(toCrmRecord('Account', raw)).toEqual({
      type: 'Account',
      id: '001000000000001AAA',
      fields: { Id: '001000000000001AAA', Name: 'Acme', LastModifiedDate: '2026-05-01T10:00:00.000+0000' },
      lastModified: '2026-05-01T10:00:00.000Z',
    });
    expect(() => toCrmRecord('Account', { Id: 'x' })).toThrow(/without Id or LastModifiedDate/);
  });

  it('reads offsets in Salesforce dateTimes and writes HTTP dates for If-Unmodified-Since', () => {
    expect(toIsoDateTime('2026-05-01T12:00:00.000+0200')).toBe('2026-05-01T10:00:00.000Z');
    expect(toHttpDate('2026-05-01T10:00:00.000Z')).toBe('Fri, 01 May 2026 10:00:00 GMT');
    expect(() => toHttpDate('yesterday')).toThrow(/expectedLastModified/);
  });

  it('accepts 15- and 18-character Ids and refuses anything that could reach another REST path', () => {
    expect(parseRecordRef({ type: 'Lead', id: '00Q000000000001' }).id).toBe('00Q000000000001');
    expect(() => parseRecordRef({ type: 'Lead', id: '../../limits' })).toThrow(/not a Salesforce Id/);
    expect(() => parseRecordRef({ type: 'Widget' as 'Lead', id: '00Q000000000001' })).toThrow(/type/);
  });
});
