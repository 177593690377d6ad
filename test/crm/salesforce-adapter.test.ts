import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmRecordSchema, type ApplyChangesRequest, type CrmRecord } from '../../crm/adapter/index.js';
import { createSalesforceAdapter } from '../../crm/salesforce/index.js';
import { BatonError } from '../../src/errors/index.js';
import { createLogger } from '../../src/logging/index.js';
import { FakeSalesforceServer } from '../fakes/fake-salesforce-server.js';

const API = '/services/data/v62.0';
const logger = createLogger({ level: 'silent' });

describe('Salesforce adapter through jsforce against FakeSalesforceServer', () => {
  let fake: FakeSalesforceServer;
  let acme: string;

  beforeEach(async () => {
    fake = new FakeSalesforceServer({ queryPageSize: 2 });
    await fake.start();
    acme = fake.seed('Account', { Name: 'Acme', Industry: 'Retail', NumberOfEmployees: 250 });
  });
  afterEach(async () => {
    await fake.close();
  });

  const withToken = (accessToken = fake.credentials.accessToken) =>
    createSalesforceAdapter({ connection: { instanceUrl: fake.url, accessToken, apiVersion: '62.0' }, logger, retryDelayMs: 1 });
  const withLogin = () => {
    const { username, password, clientId, clientSecret } = fake.credentials;
    return createSalesforceAdapter({ connection: { loginUrl: fake.url, username, password, clientId, clientSecret, apiVersion: '62.0' }, logger, retryDelayMs: 1 });
  };
  const requestsTo = (method: string, path: string) => fake.requests.filter((request) => request.method === method && request.path.startsWith(path));
  const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a BatonError'), (error: unknown) => error as BatonError);
  const change = (read: CrmRecord, newValues: Record<string, unknown>): ApplyChangesRequest => ({
    record: { type: read.type, id: read.id },
    changes: Object.entries(newValues).map(([field, newValue]) => ({ field, oldValue: read.fields[field], newValue })),
    expectedLastModified: read.lastModified,
    idempotencyKey: `change-set-1:${read.id}`,
  });

  it('reads a record as a CrmRecord: fields without attributes, lastModified in ISO 8601', async () => {
    const adapter = await withToken();
    const record = await adapter.getRecord({ type: 'Account', id: acme });
    expect(CrmRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({ type: 'Account', id: acme, fields: { Id: acme, Name: 'Acme', NumberOfEmployees: 250 }, lastModified: expect.stringMatching(/Z$/) });
    expect(record.fields).not.toHaveProperty('attributes');
    expect(requestsTo('GET', `${API}/sobjects/Account/${acme}`)).toHaveLength(1);
    expect((await failure(adapter.getRecord({ type: 'Account', id: '001000000000999AAA' }))).code).toBe('not_found');
  });

  it('queries with SOQL built from the query and follows nextRecordsUrl up to the limit', async () => {
    for (const name of ['B', 'C', 'D', 'E']) fake.seed('Account', { Name: name, Industry: 'Retail' });
    const adapter = await withToken();
    const four = await adapter.query({ type: 'Account', where: { Industry: 'Retail' }, fields: ['Name'], limit: 4 });
    expect(four.map((record) => record.fields['Name'])).toEqual(['Acme', 'B', 'C', 'D']);
    expect(requestsTo('GET', `${API}/query`).map((request) => request.path)).toEqual([`${API}/query`, expect.stringMatching(/^\/services\/data\/v62\.0\/query\/01g/)]);
    expect(requestsTo('GET', `${API}/query`)[0]!.query['q']).toBe("SELECT Id, LastModifiedDate, Name FROM Account WHERE Industry = 'Retail' LIMIT 4");
    expect(await adapter.query({ type: 'Account', where: { Industry: 'Retail' } })).toHaveLength(5);
  });

  it('escapes string literals, so a name with a quote matches itself and nothing more', async () => {
    const obrien = fake.seed('Account', { Name: "O'Brien\\Sons' OR Name != '" });
    const adapter = await withToken();
    const found = await adapter.query({ type: 'Account', where: { Name: "O'Brien\\Sons' OR Name != '" } });
    expect(found.map((record) => record.id)).toEqual([obrien]);
    expect(fake.requests.at(-1)!.query['q']).toContain("Name = 'O\\'Brien\\\\Sons\\' OR Name != \\''");
  });

  it('writes with If-Unmodified-Since and returns the record with a newer LastModifiedDate', async () => {
    const adapter = await withToken();
    const read = await adapter.getRecord({ type: 'Account', id: acme });
    const result = await adapter.applyChanges(change(read, { NumberOfEmployees: 300, Industry: 'Media' }));
    expect(result.written).toBe(true);
    expect(result.record.fields).toMatchObject({ NumberOfEmployees: 300, Industry: 'Media' });
    expect(Date.parse(result.record.lastModified)).toBeGreaterThan(Date.parse(read.lastModified));
    const [patch] = requestsTo('PATCH', `${API}/sobjects/Account/${acme}`);
    expect(patch?.headers['if-unmodified-since']).toBe(new Date(read.lastModified).toUTCString());
    expect(patch?.body).toEqual({ NumberOfEmployees: 300, Industry: 'Media' });
  });

  it('refuses with a record_changed conflict and writes nothing when the record changed behind the adapter (412)', async () => {
    const adapter = await withToken();
    const read = await adapter.getRecord({ type: 'Account', id: acme });
    fake.modifyRecord('Account', acme, { Industry: 'Banking' });
    const error = await failure(adapter.applyChanges(change(read, { Industry: 'Media' })));
    expect([error instanceof BatonError, error.code]).toEqual([true, 'conflict']);
    expect(error.message).toMatch(/changed since it was read/);
    expect(error.details).toMatchObject({ reason: 'record_changed', record: { type: 'Account', id: acme } });
    expect(fake.record('Account', acme)!['Industry']).toBe('Banking');
    expect(requestsTo('PATCH', API)).toHaveLength(1);
  });

  it('does not write twice when a job retries an applied change set', async () => {
    const adapter = await withToken();
    const request = change(await adapter.getRecord({ type: 'Account', id: acme }), { NumberOfEmployees: 320 });
    expect((await adapter.applyChanges(request)).written).toBe(true);
    const retried = await adapter.applyChanges(request);
    expect(retried).toMatchObject({ written: false, record: { fields: { NumberOfEmployees: 320 } } });
    expect(requestsTo('PATCH', API)).toHaveLength(1);
  });

  it('renews an expired session once by logging in again with username and password', async () => {
    const adapter = await withLogin();
    expect(fake.loginCount).toBe(1);
    fake.expireSession();
    expect((await adapter.getRecord({ type: 'Account', id: acme })).id).toBe(acme);
    expect(fake.loginCount).toBe(2);
    fake.expireSession({ alsoNewSessions: true });
    const error = await failure(adapter.getRecord({ type: 'Account', id: acme }));
    expect([error.code, fake.loginCount]).toEqual(['unauthorized', 3]);
  });

  it('refuses an expired bare access token with a message saying which variable to refresh', async () => {
    const adapter = await withToken();
    fake.expireSession();
    const error = await failure(adapter.getRecord({ type: 'Account', id: acme }));
    expect([error.code, error.message]).toEqual(['unauthorized', expect.stringContaining('Salesforce session expired: refresh SALESFORCE_ACCESS_TOKEN')]);
    expect(fake.requests.filter((request) => request.path === '/services/oauth2/token')).toHaveLength(0);
  });

  it('maps REQUEST_LIMIT_EXCEEDED to a retryable third-party error without hammering the org', async () => {
    const adapter = await withToken();
    fake.failNextRequests(1, 'REQUEST_LIMIT_EXCEEDED');
    const error = await failure(adapter.getRecord({ type: 'Account', id: acme }));
    expect([error.code, error.retryable, error.fault]).toEqual(['crm_rate_limited', true, 'third_party']);
    expect(error.details).toMatchObject({ integration: 'salesforce', errorCode: 'REQUEST_LIMIT_EXCEEDED' });
    expect(fake.requests).toHaveLength(1);
  });

  it('retries server errors up to three attempts in all, with no hidden retries underneath', async () => {
    const adapter = await withToken();
    fake.failNextRequests(2, 503);
    expect((await adapter.getRecord({ type: 'Account', id: acme })).id).toBe(acme);
    expect(fake.requests).toHaveLength(3);
    fake.failNextRequests(3, 500);
    const error = await failure(adapter.getRecord({ type: 'Account', id: acme }));
    expect([error.code, error.retryable]).toEqual(['crm_unavailable', true]);
    expect(error.message).toContain('after 3 attempts');
    expect(fake.requests).toHaveLength(6);
  });

  it('maps a malformed field to input_invalid naming the field', async () => {
    const adapter = await withToken();
    const read = await adapter.getRecord({ type: 'Account', id: acme });
    const error = await failure(adapter.applyChanges(change(read, { Colour__c: 'red' })));
    expect([error.code, error.message]).toEqual(['input_invalid', expect.stringContaining('Colour__c')]);
    expect(error.details).toMatchObject({ fields: ['Colour__c'], errorCode: 'INVALID_FIELD' });
    const queried = await failure(adapter.query({ type: 'Account', fields: ['Shoe_Size__c'] }));
    expect([queried.code, queried.message]).toEqual(['input_invalid', expect.stringContaining('Shoe_Size__c')]);
  });
});

