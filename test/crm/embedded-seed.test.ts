import { describe, expect, it } from 'vitest';
import { buildSampleBook, seedCrm } from '../../crm/seed/index.js';
import { STORE_BACKENDS } from '../store/store-backends.js';
import { ACCOUNT, TODAY, useCrmWorld } from './change-set-fixture.js';

const today = TODAY.toISOString().slice(0, 10);
const book = buildSampleBook(TODAY);
const ofType = (type: string) => book.filter((record) => record.type === type);

describe('the sample book', () => {
  it('has reps and managers with territories and segments, and every owner exists', () => {
    const users = ofType('User');
    expect(users.map((user) => user.fields['Title'])).toEqual(expect.arrayContaining(['Account Executive, Enterprise', 'Director, Commercial Sales']));
    expect(users.filter((user) => String(user.fields['Title']).startsWith('Account Executive'))).toHaveLength(5);
    for (const user of users) expect(user.fields).toMatchObject({ Territory__c: expect.any(String), Segment__c: expect.any(String) });
    const userIds = new Set(users.map((user) => user.id));
    expect(book.filter((record) => record.type !== 'User').every((record) => userIds.has(record.fields['OwnerId'] as string))).toBe(true);
  });

  it('has accounts across industries and segments with 2-4 contacts each, and one under legal hold', () => {
    const accounts = ofType('Account');
    expect(new Set(accounts.map((account) => account.fields['Industry'])).size).toBeGreaterThanOrEqual(15);
    expect(new Set(accounts.map((account) => account.fields['Segment__c']))).toEqual(new Set(['Enterprise', 'Mid-Market', 'SMB']));
    expect(accounts.filter((account) => account.fields['LegalHold__c'] === true).map((account) => account.fields['Name'])).toEqual(['Halvorsen Maritime']);
    for (const account of accounts) {
      const contacts = ofType('Contact').filter((contact) => contact.fields['AccountId'] === account.id);
      expect(contacts.length).toBeGreaterThanOrEqual(2);
      expect(contacts.length).toBeLessThanOrEqual(4);
    }
  });

  it('has open pipeline at every open stage, some slipping and some stalled', () => {
    const opportunities = ofType('Opportunity');
    expect(new Set(opportunities.map((opportunity) => opportunity.fields['StageName']))).toEqual(new Set(['Prospecting', 'Discovery', 'Proposal', 'Negotiation']));
    expect(opportunities.filter((opportunity) => String(opportunity.fields['CloseDate']) < today).length).toBeGreaterThanOrEqual(3);
    const sixWeeksAgo = new Date(TODAY.getTime() - 42 * 86_400_000).toISOString().slice(0, 10);
    expect(opportunities.filter((opportunity) => String(opportunity.fields['LastActivityDate']) < sixWeeksAgo).length).toBeGreaterThanOrEqual(3);
    expect(opportunities.every((opportunity) => typeof opportunity.fields['Amount'] === 'number' && opportunity.fields['Amount'] > 0)).toBe(true);
  });
});

describe.each(STORE_BACKENDS)('seeding the embedded CRM on $name', ({ createFixture }) => {
  const world = useCrmWorld(createFixture());

  it('loads the book once and never overwrites what changed since', async () => {
    const read = await world.crm.getRecord(ACCOUNT);
    await world.crm.applyChanges({ record: ACCOUNT, changes: [{ field: 'Industry', oldValue: 'Transportation', newValue: 'Logistics' }], expectedLastModified: read.lastModified, idempotencyKey: 'edit' });
    const again = await seedCrm(world.crm, { today: TODAY });
    expect(again).toEqual({ inserted: 0, existing: 162, counts: { User: 7, Account: 30, Contact: 90, Lead: 15, Opportunity: 20 } });
    expect((await world.crm.getRecord(ACCOUNT)).fields['Industry']).toBe('Logistics');
    const { rows } = await world.store.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM crm_records WHERE legal_hold');
    expect(rows[0]!.count).toBe(1);
  });
});
