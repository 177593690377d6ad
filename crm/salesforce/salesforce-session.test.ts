import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/index.js';
import { FakeSalesforceServer } from '../../test/fakes/fake-salesforce-server.js';
import { createSalesforceAdapter } from './salesforce-adapter.js';
import type { SalesforceConnectionOptions } from './salesforce-connection-options.js';

const logger = createLogger({ level: 'silent' });

describe('Salesforce sessions', () => {
  let fake: FakeSalesforceServer;
  let acme: string;

  beforeEach(async () => {
    fake = new FakeSalesforceServer();
    await fake.start();
    acme = fake.seed('Account', { Name: 'Acme' });
  });
  afterEach(async () => {
    await fake.close();
  });

  const open = (connection: SalesforceConnectionOptions) => createSalesforceAdapter({ connection, logger, retryDelayMs: 1, maxAttempts: 2 });
  const passwordLogin = (password: string) => {
    const { username, clientId, clientSecret } = fake.credentials;
    return { loginUrl: fake.url, username, password, clientId, clientSecret, apiVersion: '62.0' };
  };

  it('fails at start-up with unauthorized naming the variables to check when the login is refused', async () => {
    await expect(open(passwordLogin('wrong'))).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/invalid_grant: authentication failure.*SALESFORCE_USERNAME, SALESFORCE_PASSWORD/),
    });
  });

  it('logs in with the client-credentials grant and reads through the session it gets', async () => {
    const { clientId, clientSecret } = fake.credentials;
    const adapter = await open({ loginUrl: fake.url, clientId, clientSecret, apiVersion: '62.0' });
    expect((await adapter.getRecord({ type: 'Account', id: acme })).fields['Name']).toBe('Acme');
    expect(fake.requests[0]).toMatchObject({ path: '/services/oauth2/token', body: { grant_type: 'client_credentials', client_id: clientId } });
  });

  it('renews once for calls that all saw the same expired session', async () => {
    const adapter = await open(passwordLogin(fake.credentials.password));
    fake.expireSession();
    const reads = await Promise.all([1, 2, 3].map(() => adapter.getRecord({ type: 'Account', id: acme })));
    expect(reads.map((record) => record.id)).toEqual([acme, acme, acme]);
    expect(fake.loginCount).toBe(2);
  });

  it('refuses an API version that is not of the form 62.0, naming SALESFORCE_API_VERSION', async () => {
    await expect(open({ instanceUrl: fake.url, accessToken: 'x', apiVersion: 'v62' })).rejects.toMatchObject({ code: 'config_invalid', message: expect.stringContaining('SALESFORCE_API_VERSION') });
  });

  it('reports an unreachable login URL as a retryable outage, not as bad credentials', async () => {
    const settings = passwordLogin('any');
    await fake.close();
    await expect(open(settings)).rejects.toMatchObject({ code: 'crm_unavailable', retryable: true, message: expect.stringContaining('SALESFORCE_LOGIN_URL') });
  });
});
