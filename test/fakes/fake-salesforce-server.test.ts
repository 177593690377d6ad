import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callFake, FAKE_API, type WireCall } from './fake-salesforce-server-client.js';
import { FakeSalesforceServer } from './fake-salesforce-server.js';

const API = FAKE_API;

describe('FakeSalesforceServer', () => {
  let fake: FakeSalesforceServer;
  let acme: string;

  beforeEach(async () => {
    fake = new FakeSalesforceServer({ queryPageSize: 2 });
    await fake.start();
    acme = fake.seed('Account', { Name: 'Acme', Industry: 'Retail', NumberOfEmployees: 250, IsPartner__c: false });
  });
  afterEach(async () => {
    await fake.close();
  });

  const call = (method: string, path: string, options?: WireCall) => callFake(fake, method, path, options);
  const query = (soql: string) => call('GET', `${API}/query?q=${encodeURIComponent(soql)}`);

  it('retrieves a record with attributes, Id and system timestamps, and answers 404 NOT_FOUND for an unknown Id', async () => {
    const found = await call('GET', `${API}/sobjects/Account/${acme}`);
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({
      attributes: { type: 'Account', url: `${API}/sobjects/Account/${acme}` },
      Id: acme,
      Name: 'Acme',
      LastModifiedDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000\+0000$/),
      SystemModstamp: expect.any(String),
    });
    expect(acme).toMatch(/^001[A-Za-z0-9]{15}$/);
    const missing = await call('GET', `${API}/sobjects/Account/001000000000999AAA`);
    expect(missing).toEqual({ status: 404, json: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] });
  });

  it('updates with PATCH, answering 204 and moving LastModifiedDate forward', async () => {
    const before = fake.record('Account', acme)!;
    const answer = await call('PATCH', `${API}/sobjects/Account/${acme}`, { body: { NumberOfEmployees: 300 } });
    expect(answer.status).toBe(204);
    const after = fake.record('Account', acme)!;
    expect(after['NumberOfEmployees']).toBe(300);
    expect(Date.parse(String(after['LastModifiedDate']).replace('+0000', 'Z'))).toBeGreaterThan(Date.parse(String(before['LastModifiedDate']).replace('+0000', 'Z')));
    expect(after['SystemModstamp']).toBe(after['LastModifiedDate']);
  });

  it('answers 412 PRECONDITION_FAILED and writes nothing when the record changed after If-Unmodified-Since', async () => {
    const readAt = new Date(Date.parse(String(fake.record('Account', acme)!['LastModifiedDate']).replace('+0000', 'Z'))).toUTCString();
    fake.modifyRecord('Account', acme, { Industry: 'Banking' });
    const stale = await call('PATCH', `${API}/sobjects/Account/${acme}`, { body: { Industry: 'Media' }, headers: { 'if-unmodified-since': readAt } });
    expect(stale.status).toBe(412);
    expect(stale.json).toEqual([{ errorCode: 'PRECONDITION_FAILED', message: expect.stringContaining('modified since') }]);
    expect(fake.record('Account', acme)!['Industry']).toBe('Banking');
    const current = new Date(Date.parse(String(fake.record('Account', acme)!['LastModifiedDate']).replace('+0000', 'Z'))).toUTCString();
    expect((await call('PATCH', `${API}/sobjects/Account/${acme}`, { body: { Industry: 'Media' }, headers: { 'if-unmodified-since': current } })).status).toBe(204);
  });

  it('refuses unknown, system and rule-breaking fields with the REST error array', async () => {
    fake.addValidationRule({ type: 'Account', field: 'NumberOfEmployees', message: 'Employees must be positive', rejects: (value) => typeof value === 'number' && value < 0 });
    const patch = (body: unknown) => call('PATCH', `${API}/sobjects/Account/${acme}`, { body });
    expect(await patch({ Colour__c: 'red' })).toEqual({ status: 400, json: [{ errorCode: 'INVALID_FIELD', message: "No such column 'Colour__c' on sobject of type Account", fields: [] }] });
    expect((await patch({ LastModifiedDate: '2020-01-01T00:00:00.000+0000' })).json).toMatchObject([{ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['LastModifiedDate'] }]);
    expect(await patch({ NumberOfEmployees: -1 })).toEqual({ status: 400, json: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Employees must be positive', fields: ['NumberOfEmployees'] }] });
    expect(fake.record('Account', acme)!['NumberOfEmployees']).toBe(250);
  });

  it('answers the SOQL subset: string (escaped, case-insensitive), number, boolean and null filters, and LIMIT', async () => {
    const quoted = fake.seed('Account', { Name: "O'Brien & Sons", NumberOfEmployees: 12, Industry: null });
    expect((await query("SELECT Id, Name FROM Account WHERE Name = 'o\\'brien & sons'")).json).toEqual({
      totalSize: 1,
      done: true,
      records: [{ attributes: { type: 'Account', url: `${API}/sobjects/Account/${quoted}` }, Id: quoted, Name: "O'Brien & Sons" }],
    });
    expect((await query('SELECT Id FROM Account WHERE NumberOfEmployees = 250 AND IsPartner__c = false')).json.records).toEqual([expect.objectContaining({ Id: acme })]);
    expect((await query('select Id from Account where Industry = null')).json.records).toEqual([expect.objectContaining({ Id: quoted })]);
    expect((await query('SELECT Id FROM Account LIMIT 1')).json).toMatchObject({ totalSize: 1, done: true });
  });

  it('pages large results with nextRecordsUrl until done', async () => {
    for (const name of ['B', 'C', 'D', 'E']) fake.seed('Account', { Name: name, Industry: 'Retail' });
    const first = await query("SELECT Id, Name FROM Account WHERE Industry = 'Retail'");
    expect(first.json).toMatchObject({ totalSize: 5, done: false, nextRecordsUrl: expect.stringMatching(/^\/services\/data\/v62\.0\/query\/01g/) });
    const second = await call('GET', first.json.nextRecordsUrl);
    const third = await call('GET', second.json.nextRecordsUrl);
    expect(third.json).toMatchObject({ totalSize: 5, done: true });
    expect(third.json.nextRecordsUrl).toBeUndefined();
    const names = [first, second, third].flatMap((page) => page.json.records.map((record) => record['Name']));
    expect(names).toEqual(['Acme', 'B', 'C', 'D', 'E']);
  });

  it('answers 400 MALFORMED_QUERY outside the subset and INVALID_FIELD / INVALID_TYPE for unknown names', async () => {
    for (const soql of ["SELECT Id FROM Account WHERE Name LIKE 'A%'", 'SELECT FROM Account', "SELECT Id FROM Account WHERE Name = 'open", 'SELECT Id FROM Account WHERE A = 1 OR B = 2', "SELECT Id FROM Account WHERE Name = 'bad\\q'", 'SELECT Id FROM Account LIMIT']) {
      const answer = await query(soql);
      expect([answer.status, answer.json[0].errorCode], soql).toEqual([400, 'MALFORMED_QUERY']);
    }
    expect((await query('SELECT Colour__c FROM Account')).json[0]).toMatchObject({ errorCode: 'INVALID_FIELD', message: expect.stringContaining("'Colour__c'") });
    expect((await query('SELECT Id FROM Spaceship__c')).json[0].errorCode).toBe('INVALID_TYPE');
  });

  it('updates a collection all or none, rolling every record back when one fails', async () => {
    const globex = fake.seed('Account', { Name: 'Globex' });
    const records = (employees: number) => [
      { attributes: { type: 'Account' }, id: acme, Industry: 'Media' },
      { attributes: { type: 'Account' }, id: globex, Colour__c: 'red', NumberOfEmployees: employees },
    ];
    const failed = await call('PATCH', `${API}/composite/sobjects`, { body: { allOrNone: true, records: records(5) } });
    expect(failed.status).toBe(200);
    expect(failed.json).toEqual([
      { id: acme, success: false, errors: [expect.objectContaining({ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' })] },
      { id: globex, success: false, errors: [expect.objectContaining({ statusCode: 'INVALID_FIELD' })] },
    ]);
    expect(fake.record('Account', acme)!['Industry']).toBe('Retail');
    const body = { allOrNone: true, records: [records(5)[0], { attributes: { type: 'Account' }, id: globex, NumberOfEmployees: 7 }] };
    expect((await call('PATCH', `${API}/composite/sobjects`, { body })).json).toEqual([{ id: acme, success: true, errors: [] }, { id: globex, success: true, errors: [] }]);
    const retrieved = await call('POST', `${API}/composite/sobjects/Account`, { body: { ids: [acme, '001000000000999AAA'], fields: ['Id', 'Industry'] } });
    expect(retrieved.json).toEqual([{ attributes: expect.any(Object), Id: acme, Industry: 'Media' }, null]);
  });

  it('records every request with method, path, query, headers and parsed body', async () => {
    await call('PATCH', `${API}/sobjects/Account/${acme}`, { body: { Industry: 'Media' }, headers: { 'if-unmodified-since': 'Tue, 01 Jan 2030 00:00:00 GMT' } });
    await query('SELECT Id FROM Account');
    expect(fake.requests).toEqual([
      expect.objectContaining({ method: 'PATCH', path: `${API}/sobjects/Account/${acme}`, body: { Industry: 'Media' }, headers: expect.objectContaining({ 'if-unmodified-since': 'Tue, 01 Jan 2030 00:00:00 GMT' }) }),
      expect.objectContaining({ method: 'GET', path: `${API}/query`, query: { q: 'SELECT Id FROM Account' } }),
    ]);
  });
});
