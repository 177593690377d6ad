import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/index.js';
import { FakeSalesforceServer } from '../../test/fakes/fake-salesforce-server.js';
import type { ApplyChangesRequest, CrmRecord } from '../adapter/index.js';
import { createSalesforceAdapter, type SalesforceAdapter } from './salesforce-adapter.js';

describe('applyChangesBatch against FakeSalesforceServer', () => {
  let fake: FakeSalesforceServer;
  let adapter: SalesforceAdapter;
  let reads: CrmRecord[];

  beforeEach(async () => {
    fake = new FakeSalesforceServer();
    await fake.start();
    const ids = ['Acme', 'Globex', 'Initech'].map((Name) => fake.seed('Account', { Name, NumberOfEmployees: 10 }));
    const lead = fake.seed('Lead', { LastName: 'Lovelace', Company: 'Analytical', Status: 'Open' });
    const connection = { instanceUrl: fake.url, accessToken: fake.credentials.accessToken, apiVersion: '62.0' };
    adapter = await createSalesforceAdapter({ connection, logger: createLogger({ level: 'silent' }), retryDelayMs: 1 });
    reads = await Promise.all([...ids.map((id) => adapter.getRecord({ type: 'Account', id })), adapter.getRecord({ type: 'Lead', id: lead })]);
  });
  afterEach(async () => {
    await fake.close();
  });

  const set = (read: CrmRecord, field: string, newValue: unknown): ApplyChangesRequest => ({
    record: { type: read.type, id: read.id },
    changes: [{ field, oldValue: read.fields[field], newValue }],
    expectedLastModified: read.lastModified,
    idempotencyKey: `batch-1:${read.id}`,
  });
  const batch = () => reads.map((read) => (read.type === 'Lead' ? set(read, 'Status', 'Working') : set(read, 'NumberOfEmployees', 20)));
  const collectionWrites = () => fake.requests.filter((request) => request.method === 'PATCH' && request.path.endsWith('/composite/sobjects'));

  it('writes every record of every object in one all-or-none call and reads them back', async () => {
    const before = fake.requests.length;
    const results = await adapter.applyChangesBatch(batch());
    expect(results.map((result) => [result.written, result.record.fields['NumberOfEmployees'] ?? result.record.fields['Status']])).toEqual([[true, 20], [true, 20], [true, 20], [true, 'Working']]);
    expect(fake.requests.slice(before).map((request) => `${request.method} ${request.path.replace('/services/data/v62.0', '')}`)).toEqual([
      'POST /composite/sobjects/Account', 'POST /composite/sobjects/Lead', 'PATCH /composite/sobjects', 'POST /composite/sobjects/Account', 'POST /composite/sobjects/Lead',
    ]);
    expect(collectionWrites()[0]?.body).toMatchObject({ allOrNone: true, records: expect.arrayContaining([{ attributes: { type: 'Lead' }, id: reads[3]!.id, Status: 'Working' }]) });
    expect(Date.parse(results[0]!.record.lastModified)).toBeGreaterThan(Date.parse(reads[0]!.lastModified));
  });

  it('refuses the whole batch, writing nothing, when one record changed since it was read', async () => {
    fake.modifyRecord('Account', reads[1]!.id, { NumberOfEmployees: 99 });
    await expect(adapter.applyChangesBatch(batch())).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'record_changed', records: [{ type: 'Account', id: reads[1]!.id }] },
    });
    expect(collectionWrites()).toHaveLength(0);
    expect(fake.record('Account', reads[0]!.id)!['NumberOfEmployees']).toBe(10);
  });

  it('names the field and record Salesforce refused, and nothing in the batch is written', async () => {
    fake.addValidationRule({ type: 'Account', field: 'NumberOfEmployees', message: 'Not that many', rejects: (value) => value === 666 });
    const requests = [set(reads[0]!, 'NumberOfEmployees', 20), set(reads[1]!, 'NumberOfEmployees', 666)];
    await expect(adapter.applyChangesBatch(requests)).rejects.toMatchObject({
      code: 'input_invalid',
      message: expect.stringMatching(/^Salesforce rejected NumberOfEmployees while updating Account \w+ in a batch \(nothing in the batch was written\): Not that many/),
      details: { record: { id: reads[1]!.id }, errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' },
    });
    expect(collectionWrites()).toHaveLength(1);
    expect(fake.record('Account', reads[0]!.id)!['NumberOfEmployees']).toBe(10);
  });

  it('writes nothing the second time a job retries the same batch', async () => {
    await adapter.applyChangesBatch(batch());
    const again = await adapter.applyChangesBatch(batch());
    expect(again.map((result) => result.written)).toEqual([false, false, false, false]);
    expect(collectionWrites()).toHaveLength(1);
  });

  it('refuses an unknown record, a record named twice and more than 200 change sets', async () => {
    await expect(adapter.applyChangesBatch([{ ...set(reads[0]!, 'Name', 'x'), record: { type: 'Account', id: '001000000000999AAA' } }])).rejects.toMatchObject({ code: 'not_found' });
    await expect(adapter.applyChangesBatch([set(reads[0]!, 'Name', 'x'), set(reads[0]!, 'Name', 'y')])).rejects.toMatchObject({ code: 'input_invalid', message: expect.stringContaining('twice') });
    await expect(adapter.applyChangesBatch(Array.from({ length: 201 }, () => set(reads[0]!, 'Name', 'x')))).rejects.toMatchObject({ code: 'input_invalid', message: expect.stringContaining('at most 200') });
    expect(collectionWrites()).toHaveLength(0);
  });
});
