import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callFake, FAKE_API, requestToken, type WireCall } from './fake-salesforce-server-client.js';
import { FakeSalesforceServer } from './fake-salesforce-server.js';

describe('FakeSalesforceServer sessions and faults', () => {
  let fake: FakeSalesforceServer;
  let path: string;

  beforeEach(async () => {
    fake = new FakeSalesforceServer();
    await fake.start();
    path = `${FAKE_API}/sobjects/Account/${fake.seed('Account', { Name: 'Acme', NumberOfEmployees: 250 })}`;
  });
  afterEach(async () => {
    await fake.close();
  });

  const call = (method: string, options?: WireCall) => callFake(fake, method, path, options);

  it('refuses a missing or unknown bearer token with 401 INVALID_SESSION_ID', async () => {
    expect(await call('GET', { token: 'stolen' })).toEqual({ status: 401, json: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] });
  });

  it('issues tokens for the password and client-credentials grants and refuses bad credentials', async () => {
    const { username, password, clientId, clientSecret } = fake.credentials;
    const login = await requestToken(fake, { grant_type: 'password', username, password, client_id: clientId, client_secret: clientSecret });
    expect(login).toEqual({
      status: 200,
      json: { access_token: expect.any(String), instance_url: fake.url, id: expect.stringContaining(`${fake.url}/id/00D`), token_type: 'Bearer', issued_at: expect.stringMatching(/^\d+$/), signature: expect.any(String) },
    });
    expect((await call('GET', { token: login.json.access_token })).status).toBe(200);
    const refused = await requestToken(fake, { grant_type: 'password', username, password: 'wrong', client_id: clientId, client_secret: clientSecret });
    expect(refused).toEqual({ status: 400, json: { error: 'invalid_grant', error_description: 'authentication failure' } });
    expect((await requestToken(fake, { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })).status).toBe(200);
    expect((await requestToken(fake, { grant_type: 'client_credentials', client_id: clientId, client_secret: 'guess' })).json).toMatchObject({ error: 'invalid_client' });
    expect(fake.loginCount).toBe(2);
  });

  it('expires sessions on demand, accepting tokens issued afterwards unless told to refuse them too', async () => {
    fake.expireSession();
    expect((await call('GET')).status).toBe(401);
    expect((await call('GET', { token: fake.issueAccessToken() })).status).toBe(200);
    fake.expireSession({ alsoNewSessions: true });
    expect((await call('GET', { token: fake.issueAccessToken() })).status).toBe(401);
  });

  it('injects REQUEST_LIMIT_EXCEEDED, server errors and delays for the next requests only', async () => {
    fake.failNextRequests(1, 'REQUEST_LIMIT_EXCEEDED').failNextRequests(1, 503).failNextRequests(1, 500).failNextRequests(1, 502).delayNextRequests(1, 150);
    expect(await call('GET')).toEqual({ status: 403, json: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }] });
    expect((await call('GET')).json[0].errorCode).toBe('SERVER_UNAVAILABLE');
    expect((await call('GET')).json[0].errorCode).toBe('UNKNOWN_EXCEPTION');
    const gateway = await fetch(`${fake.url}${path}`, { headers: { authorization: `Bearer ${fake.credentials.accessToken}` } });
    expect([gateway.status, gateway.headers.get('content-type')]).toEqual([502, 'text/html']);
    const started = Date.now();
    expect((await call('GET')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(fake.pendingFaults).toBe(0);
  });

  it('aims a fault at one method, letting other requests through', async () => {
    fake.failNextRequests(1, 503, { method: 'PATCH' });
    expect((await call('GET')).status).toBe(200);
    expect((await call('PATCH', { body: { NumberOfEmployees: 1 } })).status).toBe(503);
    expect(fake.record('Account', path.split('/').at(-1)!)!['NumberOfEmployees']).toBe(250);
  });

  it('carries out a request whose answer it then loses, as a reset connection', async () => {
    fake.loseNextAnswers(1, { method: 'PATCH' });
    await expect(call('PATCH', { body: { NumberOfEmployees: 300 } })).rejects.toThrow();
    expect(fake.record('Account', path.split('/').at(-1)!)!['NumberOfEmployees']).toBe(300);
  });
});
