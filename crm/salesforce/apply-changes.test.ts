import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/index.js';
import { FakeSalesforceServer } from '../../test/fakes/fake-salesforce-server.js';
import type { ApplyChangesRequest, CrmRecord } from '../adapter/index.js';
import { createSalesforceAdapter, type SalesforceAdapter } from './salesforce-adapter.js';

describe('applyChanges against FakeSalesforceServer', () => {
  let fake: FakeSalesforceServer;
  let adapter: SalesforceAdapter;
  let read: CrmRecord;

  beforeEach(async () => {
    fake = new FakeSalesforceServer();
    await fake.start();
    const id = fake.seed('Account', { Name: 'Acme', NumberOfEmployees: 250 });
    const connection = { instanceUrl: fake.url, accessToken: fake.credentials.accessToken, apiVersion: '62.0' };
    adapter = await createSalesforceAdapter({ connection, logger: createLogger({ level: 'silent' }), retryDelayMs: 1, requestTimeoutMs: 200 });
    read = await adapter.getRecord({ type: 'Account', id });
  });
  afterEach(async () => {
    await fake.close();
  });

  const employees = (newValue: unknown): ApplyChangesRequest => ({
    record: { type: 'Account', id: read.id },
    changes: [{ field: 'NumberOfEmployees', oldValue: 250, newValue }],
    expectedLastModified: read.lastModified,
    idempotencyKey: 'change-set-1',
  });
  const patches = () => fake.requests.filter((request) => request.method === 'PATCH');

  it('reports a write whose answer was lost as written: the retry gets 412, and the record shows the values', async () => {
    fake.loseNextAnswers(1, { method: 'PATCH' });
    const result = await adapter.applyChanges(employees(300));
    expect(result).toMatchObject({ written: true, record: { fields: { NumberOfEmployees: 300 } } });
    expect(patches().map((request) => request.headers['if-unmodified-since'])).toEqual([new Date(read.lastModified).toUTCString(), new Date(read.lastModified).toUTCString()]);
  });

  it('retries a PATCH that met a server error, since If-Unmodified-Since keeps a repeat from overwriting anyone', async () => {
    fake.failNextRequests(1, 503, { method: 'PATCH' });
    await expect(adapter.applyChanges(employees(275))).resolves.toMatchObject({ written: true, record: { fields: { NumberOfEmployees: 275 } } });
    expect(patches()).toHaveLength(2);
  });

  it('retries a response slower than the request timeout', async () => {
    fake.delayNextRequests(1, 1_000);
    await expect(adapter.applyChanges(employees(310))).resolves.toMatchObject({ written: true, record: { fields: { NumberOfEmployees: 310 } } });
  });

  it('maps a validation rule to input_invalid naming the field, and writes nothing', async () => {
    fake.addValidationRule({ type: 'Account', field: 'NumberOfEmployees', message: 'Employees must be zero or more', rejects: (value) => typeof value === 'number' && value < 0 });
    await expect(adapter.applyChanges(employees(-1))).rejects.toMatchObject({
      code: 'input_invalid',
      message: expect.stringContaining('Salesforce rejected NumberOfEmployees'),
      details: { fields: ['NumberOfEmployees'], errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' },
    });
    expect(fake.record('Account', read.id)!['NumberOfEmployees']).toBe(250);
  });
});
