import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/errors/index.js';
import { STORE_BACKENDS } from '../store/store-backends.js';
import { ACCOUNT, HELD_ACCOUNT, LEAD, TODAY, useCrmWorld } from './change-set-fixture.js';

describe.each(STORE_BACKENDS)('embedded CRM on $name', ({ createFixture }) => {
  const world = useCrmWorld(createFixture());

  it('reads a record with its fields by API name and a millisecond concurrency token', async () => {
    const record = await world.crm.getRecord(ACCOUNT);
    expect(record).toEqual({ ...ACCOUNT, lastModified: TODAY.toISOString(), fields: expect.objectContaining({ Name: 'Northwind Logistics', NumberOfEmployees: 4200, LegalHold__c: false }) });
    const missing = await world.crm.getRecord({ type: 'Account', id: '001Nope' }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(BatonError);
    expect((missing as BatonError).code).toBe('not_found');
  });

  it('queries by field equality, with null matching a missing field, and projects fields', async () => {
    const emea = await world.crm.query({ type: 'Account', where: { Territory__c: 'EMEA', Segment__c: 'Enterprise' }, fields: ['Name'] });
    expect(emea.map((record) => record.fields)).toEqual([{ Name: 'Halvorsen Maritime' }, { Name: 'Brightwater Utilities' }, { Name: 'Castellan Bank' }]);
    const withoutDescription = await world.crm.query({ type: 'Account', where: { Description: null }, limit: 2_000 });
    expect(withoutDescription).toHaveLength(29);
    expect(await world.crm.query({ type: 'Lead', limit: 3 })).toHaveLength(3);
  });

  it('writes only when the record is unchanged since it was read, and never twice for one key', async () => {
    const read = await world.crm.getRecord(LEAD);
    world.advance(1_000);
    const request = { record: LEAD, changes: [{ field: 'Title', oldValue: 'VP of Sales', newValue: 'CRO' }], expectedLastModified: read.lastModified, idempotencyKey: 'k1' };
    const first = await world.crm.applyChanges(request);
    expect(first).toMatchObject({ written: true, record: { lastModified: world.now.toISOString(), fields: { Title: 'CRO' } } });
    expect(await world.crm.applyChanges(request)).toMatchObject({ written: false, record: { lastModified: first.record.lastModified } });

    const stale = await world.crm.applyChanges({ ...request, changes: [{ field: 'Title', oldValue: 'VP of Sales', newValue: 'CEO' }], idempotencyKey: 'k2' }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(BatonError);
    expect((stale as BatonError).details).toMatchObject({ reason: 'record_changed', lastModified: first.record.lastModified });
    expect((await world.crm.getRecord(LEAD)).fields['Title']).toBe('CRO');
  });

  it('moves the concurrency token even for two writes in one millisecond', async () => {
    const read = await world.crm.getRecord(LEAD);
    const first = await world.crm.applyChanges({ record: LEAD, changes: [{ field: 'Title', oldValue: null, newValue: 'A' }], expectedLastModified: read.lastModified, idempotencyKey: 'a' });
    const second = await world.crm.applyChanges({ record: LEAD, changes: [{ field: 'Title', oldValue: 'A', newValue: 'B' }], expectedLastModified: first.record.lastModified, idempotencyKey: 'b' });
    expect(second.record.lastModified > first.record.lastModified).toBe(true);
  });

  it('puts a record under legal hold and lifts it, keeping the field and the column in step', async () => {
    expect((await world.crm.setLegalHold(ACCOUNT, true)).fields['LegalHold__c']).toBe(true);
    const { rows } = await world.store.sql.query<{ id: string }>(`SELECT id FROM crm_records WHERE legal_hold ORDER BY id`);
    expect(rows.map((row) => row.id)).toEqual([ACCOUNT.id, HELD_ACCOUNT.id]);
    expect((await world.crm.setLegalHold(ACCOUNT, false)).fields['LegalHold__c']).toBe(false);
  });

  it('lists the owners as User records', async () => {
    const users = await world.crm.listUsers();
    expect(users).toHaveLength(7);
    expect(users[0]!.fields).toMatchObject({ Name: 'Priya Raman', Segment__c: 'Enterprise', Territory__c: 'North America East', IsActive: true });
  });
});
