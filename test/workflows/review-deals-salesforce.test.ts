import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceAdapter } from '../../crm/salesforce/index.js';
import { OpenPipelineSchema } from '../../src/contracts/open-pipeline.js';
import { createLogger } from '../../src/logging/index.js';
import { createOpenPipelineEffect } from '../../src/main/open-pipeline-effect.js';
import { FakeSalesforceServer } from '../fakes/fake-salesforce-server.js';

const logger = createLogger({ level: 'silent' });
const CONTEXT = { runId: 'run-1', traceId: 'run-1', stepKey: 'review/read-pipeline', idempotencyKey: 'run-1:review/read-pipeline' };
let fake: FakeSalesforceServer;
let ids: Record<string, string>;

beforeAll(async () => {
  fake = new FakeSalesforceServer({ queryPageSize: 2 });
  await fake.start();
  const manager = fake.seed('User', { Name: 'Grace Whitfield', IsActive: true });
  const rep = fake.seed('User', { Name: 'Priya Raman', IsActive: true, ManagerId: manager });
  const account = fake.seed('Account', { Name: 'Northwind Logistics', Type: 'Customer' });
  fake.seed('Contact', { Name: 'Olivia Carter', Title: 'Chief Revenue Officer', AccountId: account });
  const open = fake.seed('Opportunity', {
    Name: 'Northwind Logistics - Fleet Platform', StageName: 'Negotiation', Amount: 420000, Probability: 75, CloseDate: '2026-11-12',
    Type: 'New Business', NextStep: 'Redlines back', LastActivityDate: '2026-11-18', AccountId: account, OwnerId: rep, IsClosed: false,
  });
  fake.seed('Opportunity', { Name: 'Northwind Logistics - Won', StageName: 'Closed Won', AccountId: account, OwnerId: rep, IsClosed: true });
  ids = { manager, rep, account, open };
});
afterAll(async () => {
  await fake.close();
});

describe('crm.open_pipeline on Salesforce, through jsforce against FakeSalesforceServer', () => {
  it('reads only the open opportunities, with account, contacts, owner and manager, by SOQL equality queries and record reads', async () => {
    const adapter = await createSalesforceAdapter({ connection: { instanceUrl: fake.url, accessToken: fake.credentials.accessToken, apiVersion: '62.0' }, logger, retryDelayMs: 1 });
    const effect = createOpenPipelineEffect(adapter, { now: () => new Date('2026-11-20T05:30:00Z') })['effect:crm.open_pipeline'];
    const outcome = await effect?.run({ timeZone: 'Europe/Berlin' }, CONTEXT);
    if (outcome?.kind !== 'done') throw new Error('expected the effect to finish');
    const { review, deals } = OpenPipelineSchema.parse(outcome.output);
    expect(review).toMatchObject({ asOf: '2026-11-20', timeZone: 'Europe/Berlin', stalledAfterDays: 30, source: { source: 'salesforce', confidence: 1 } });
    expect(deals).toEqual([{
      id: ids['open'], name: 'Northwind Logistics - Fleet Platform', stage: 'Negotiation', amount: 420000, probability: 75, closeDate: '2026-11-12',
      type: 'New Business', nextStep: 'Redlines back', lastActivityDate: '2026-11-18',
      account: { id: ids['account'], name: 'Northwind Logistics', type: 'Customer' },
      owner: { id: ids['rep'], name: 'Priya Raman', managerId: ids['manager'], managerName: 'Grace Whitfield' },
      contacts: [{ id: expect.any(String), name: 'Olivia Carter', title: 'Chief Revenue Officer' }],
    }]);
    const soql = fake.requests.filter((request) => request.path.endsWith('/query')).map((request) => request.query['q']);
    expect(soql).toContain('SELECT Id, LastModifiedDate, Name, StageName, Amount, Probability, CloseDate, Type, NextStep, LastActivityDate, AccountId, OwnerId FROM Opportunity WHERE IsClosed = false LIMIT 2000');
    await adapter.close();
  });

  it('takes "today" in the review\'s time zone: 23:30 UTC is already tomorrow in Berlin', async () => {
    const adapter = await createSalesforceAdapter({ connection: { instanceUrl: fake.url, accessToken: fake.credentials.accessToken, apiVersion: '62.0' }, logger, retryDelayMs: 1 });
    const effect = createOpenPipelineEffect(adapter, { now: () => new Date('2026-11-20T23:30:00Z') })['effect:crm.open_pipeline'];
    const [berlin, newYork] = await Promise.all([effect?.run({ timeZone: 'Europe/Berlin' }, CONTEXT), effect?.run({ timeZone: 'America/New_York' }, CONTEXT)]);
    expect(berlin?.kind === 'done' && OpenPipelineSchema.parse(berlin.output).review.asOf).toBe('2026-11-21');
    expect(newYork?.kind === 'done' && OpenPipelineSchema.parse(newYork.output).review.asOf).toBe('2026-11-20');
    await adapter.close();
  });

  it('refuses a time zone that is not IANA, naming the field, before reading anything', async () => {
    const adapter = await createSalesforceAdapter({ connection: { instanceUrl: fake.url, accessToken: fake.credentials.accessToken, apiVersion: '62.0' }, logger, retryDelayMs: 1 });
    const before = fake.requests.length;
    const effect = createOpenPipelineEffect(adapter)['effect:crm.open_pipeline'];
    await expect(effect?.run({ timeZone: 'Mars/Olympus', stalledAfterDays: 0 }, CONTEXT)).rejects.toThrow(
      'crm.open_pipeline input is invalid: timeZone: "Mars/Olympus" is not an IANA time zone, like Europe/Berlin or UTC; stalledAfterDays: Too small',
    );
    expect(fake.requests.length).toBe(before);
    await adapter.close();
  });
});
