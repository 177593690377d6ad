import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceAdapter } from '../../crm/salesforce/index.js';
import { RepRosterSchema } from '../../src/contracts/rep-roster.js';
import { createLogger } from '../../src/logging/index.js';
import { createRepRosterEffect } from '../../src/main/rep-roster-effect.js';
import { FakeSalesforceServer } from '../fakes/fake-salesforce-server.js';

const logger = createLogger({ level: 'silent' });
const CONTEXT = { runId: 'run-1', traceId: 'run-1', stepKey: 'lead/qualify/owner/roster', idempotencyKey: 'run-1:lead/qualify/owner/roster' };
let fake: FakeSalesforceServer;
let ids: Record<string, string>;

beforeAll(async () => {
  fake = new FakeSalesforceServer({ queryPageSize: 2 });
  await fake.start();
  const manager = fake.seed('User', { Name: 'Tomas Novak', Title: 'Director, Commercial Sales', IsActive: true, Segment__c: 'Mid-Market', Territory__c: 'Global' });
  const hannah = fake.seed('User', { Name: 'Hannah Weiss', Title: 'Account Executive, Mid-Market', IsActive: true, Segment__c: 'Mid-Market', Territory__c: 'EMEA', ManagerId: manager });
  const daniel = fake.seed('User', { Name: 'Daniel Okafor', IsActive: true, Segment__c: 'Mid-Market', Territory__c: 'North America East', ManagerId: manager });
  fake.seed('User', { Name: 'Former Rep', IsActive: false, Segment__c: 'SMB', Territory__c: 'EMEA', ManagerId: manager });
  fake.seed('User', { Name: 'Integration User', IsActive: true });
  const routed = fake.seed('Lead', { LastName: 'Holm', Company: 'Skagen Wind', Status: 'Open - Not Contacted', OwnerId: hannah });
  fake.seed('Lead', { LastName: 'Keller', Company: 'Alpenglow', Status: 'Working - Contacted', OwnerId: hannah });
  fake.seed('Lead', { LastName: 'DeLuca', Company: 'Summit Ridge', Status: 'Closed - Not Converted', OwnerId: daniel });
  fake.seed('Opportunity', { Name: 'Open deal', StageName: 'Discovery', OwnerId: daniel, IsClosed: false });
  fake.seed('Opportunity', { Name: 'Won deal', StageName: 'Closed Won', OwnerId: daniel, IsClosed: true });
  ids = { manager, hannah, daniel, routed };
});
afterAll(async () => {
  await fake.close();
});

describe('crm.rep_roster on Salesforce, through jsforce against FakeSalesforceServer', () => {
  it('lists active reps with a segment and territory who manage nobody, counting open work but not the lead being routed', async () => {
    const adapter = await createSalesforceAdapter({ connection: { instanceUrl: fake.url, accessToken: fake.credentials.accessToken, apiVersion: '62.0' }, logger, retryDelayMs: 1 });
    const effect = createRepRosterEffect(adapter, { now: () => new Date('2026-11-20T09:00:00Z') })['effect:crm.rep_roster'];
    const outcome = await effect?.run({ lead: { id: ids['routed'], lastName: 'Holm' }, enrichment: { kept: true } }, CONTEXT);
    if (outcome?.kind !== 'done') throw new Error('expected the effect to finish');
    const output = outcome.output as { lead: unknown; enrichment: unknown; roster: unknown };
    expect(output.lead).toEqual({ id: ids['routed'], lastName: 'Holm' });
    expect(output.enrichment).toEqual({ kept: true });
    const roster = RepRosterSchema.parse(output.roster);
    expect(roster).toMatchObject({ source: 'salesforce', readAt: '2026-11-20T09:00:00.000Z' });
    expect(roster.reps.map((rep) => [rep.name, rep.territory, rep.openLeads, rep.openOpportunities, rep.load]).sort()).toEqual([
      ['Daniel Okafor', 'North America East', 0, 1, 1],
      ['Hannah Weiss', 'EMEA', 1, 0, 1],
    ]);
    const soql = fake.requests.filter((request) => request.path.endsWith('/query')).map((request) => request.query['q']);
    expect(soql).toContain('SELECT Id, LastModifiedDate, OwnerId FROM Opportunity WHERE IsClosed = false LIMIT 2000');
    await adapter.close();
  });

  it('refuses a lead without an id, naming the field', async () => {
    const adapter = await createSalesforceAdapter({ connection: { instanceUrl: fake.url, accessToken: fake.credentials.accessToken, apiVersion: '62.0' }, logger, retryDelayMs: 1 });
    const effect = createRepRosterEffect(adapter)['effect:crm.rep_roster'];
    await expect(effect?.run({ lead: { id: '' } }, CONTEXT)).rejects.toThrow(/crm\.rep_roster input is invalid: lead\.id/);
    await adapter.close();
  });
});
