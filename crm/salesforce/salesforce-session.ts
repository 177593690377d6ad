import { Connection } from 'jsforce';
import { BatonError } from '../../src/errors/index.js';
import type { Logger } from '../../src/logging/index.js';
import type { SalesforceConnectionOptions } from './salesforce-connection-options.js';
import { toCrmError } from './salesforce-errors.js';
import { describeFailure, isTransientFailure } from './salesforce-failure.js';
import { useAdapterRetryPolicy } from './salesforce-transport.js';

/** A jsforce connection and the one way to get it a new session. */
export interface SalesforceSession {
  readonly connection: Connection;
  /** Counts logins, so callers that all saw one expired session renew it only once. */
  readonly generation: number;
  /** Logs in again unless another caller already did since `seenGeneration`; a bare access token cannot be renewed. */
  renew(seenGeneration: number): Promise<void>;
}

export interface SalesforceSessionOptions {
  readonly connection: SalesforceConnectionOptions;
  readonly logger: Logger;
  readonly requestTimeoutMs: number;
}

/** Opens the connection: logs in now for the OAuth flows, so bad credentials fail at start-up. */
export async function openSalesforceSession(options: SalesforceSessionOptions): Promise<SalesforceSession> {
  const { connection: settings, logger } = options;
  if (!/^\d{2,3}\.0$/.test(settings.apiVersion)) {
    throw new BatonError('config_invalid', `SALESFORCE_API_VERSION must look like 62.0, not "${settings.apiVersion}".`);
  }
  const connection = createConnection(settings);
  useAdapterRetryPolicy(connection, options.requestTimeoutMs);
  const login = loginFunction(connection, settings);
  let generation = 0;
  let renewing: Promise<void> | undefined;
  if (login !== undefined) await login();
  return {
    connection,
    get generation() {
      return generation;
    },
    async renew(seenGeneration) {
      if (login === undefined) throw new BatonError('unauthorized', 'Salesforce session expired: refresh SALESFORCE_ACCESS_TOKEN (or configure a login so Baton can renew it).');
      if (seenGeneration !== generation) return;
      if (renewing === undefined) {
        logger.info({ integration: 'salesforce' }, 'Salesforce session expired; logging in again');
        renewing = login().finally(() => {
          generation += 1;
          renewing = undefined;
        });
      }
      await renewing;
    },
  };
}

function createConnection(settings: SalesforceConnectionOptions): Connection {
  const withoutSlash = (url: string) => url.replace(/\/+$/, '');
  if ('accessToken' in settings) {
    return new Connection({ version: settings.apiVersion, instanceUrl: withoutSlash(settings.instanceUrl), accessToken: settings.accessToken });
  }
  const loginUrl = withoutSlash(settings.loginUrl);
  return new Connection({ version: settings.apiVersion, loginUrl, oauth2: { loginUrl, clientId: settings.clientId, clientSecret: settings.clientSecret } });
}

function loginFunction(connection: Connection, settings: SalesforceConnectionOptions): (() => Promise<void>) | undefined {
  if ('accessToken' in settings) return undefined;
  const variables = 'username' in settings ? 'SALESFORCE_USERNAME, SALESFORCE_PASSWORD (with the security token appended)' : 'SALESFORCE_LOGIN_URL (the My Domain URL)';
  return async () => {
    try {
      if ('username' in settings) await connection.login(settings.username, settings.password);
      else await connection.authorize({ grant_type: 'client_credentials' });
    } catch (error) {
      const failure = describeFailure(error);
      if (isTransientFailure(failure)) throw toCrmError(failure, { action: `logging in at ${settings.loginUrl} (SALESFORCE_LOGIN_URL)` }, { cause: error });
      throw new BatonError('unauthorized', `Salesforce login failed (${failure.errorCode}: ${failure.message}): check ${variables}, SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET.`, { cause: error });
    } finally {
      // jsforce installs its own refresh-on-401 hook at login, and it re-logs in on every 401 without
      // limit. The adapter renews itself, exactly once per call, so the hook comes off.
      connection._refreshDelegate = undefined;
    }
  };
}
