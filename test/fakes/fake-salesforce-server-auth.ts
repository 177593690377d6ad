import { createHmac, randomBytes } from 'node:crypto';

export interface FakeSalesforceCredentials {
  /** The bearer token accepted from the start (a pre-issued access token); defaults to `fake-access-token`. */
  readonly accessToken?: string;
  readonly username?: string;
  /** The password with the security token appended, as the username-password flow sends it. */
  readonly password?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
}

export const FAKE_ORGANIZATION_ID = '00D000000000001AAA';
export const FAKE_USER_ID = '005000000000001AAA';

interface TokenAnswer {
  readonly status: number;
  readonly body: Record<string, string>;
}

/**
 * Sessions of the fake org: which bearer tokens are valid, and the OAuth token endpoint
 * (`POST /services/oauth2/token`) for the username-password and client-credentials grants.
 */
export class FakeSalesforceAuth {
  readonly #credentials: Required<FakeSalesforceCredentials>;
  readonly #valid = new Set<string>();
  #issued = 0;
  #refuseAll = false;

  constructor(credentials: FakeSalesforceCredentials = {}) {
    this.#credentials = {
      accessToken: credentials.accessToken ?? 'fake-access-token',
      username: credentials.username ?? 'baton@example.com',
      password: credentials.password ?? 'correct-horse-battery-staple-TOKEN',
      clientId: credentials.clientId ?? 'fake-client-id',
      clientSecret: credentials.clientSecret ?? 'fake-client-secret',
    };
    this.#valid.add(this.#credentials.accessToken);
  }

  get credentials(): Required<FakeSalesforceCredentials> {
    return this.#credentials;
  }

  /** How many tokens the token endpoint has handed out. */
  get issuedCount(): number {
    return this.#issued;
  }

  accepts(authorization: string | undefined): boolean {
    const match = /^Bearer (\S+)$/i.exec(authorization ?? '');
    return !this.#refuseAll && match?.[1] !== undefined && this.#valid.has(match[1]);
  }

  /** Every current session ends: the next request gets 401 INVALID_SESSION_ID; with `alsoNew`, so does every later one. */
  expireAll(alsoNew = false): void {
    this.#valid.clear();
    this.#refuseAll = alsoNew;
  }

  issue(): string {
    const token = `00D000000000001!fake.${randomBytes(12).toString('hex')}`;
    this.#valid.add(token);
    return token;
  }

  answerTokenRequest(form: Readonly<Record<string, string>>, instanceUrl: string): TokenAnswer {
    const { username, password, clientId, clientSecret } = this.#credentials;
    const grant = form['grant_type'];
    if (grant !== 'password' && grant !== 'client_credentials') {
      return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant type not supported' } };
    }
    if (form['client_id'] !== clientId || form['client_secret'] !== clientSecret) {
      return { status: 400, body: { error: 'invalid_client', error_description: 'invalid client credentials' } };
    }
    if (grant === 'password' && (form['username'] !== username || form['password'] !== password)) {
      return { status: 400, body: { error: 'invalid_grant', error_description: 'authentication failure' } };
    }
    this.#issued += 1;
    const id = `${instanceUrl}/id/${FAKE_ORGANIZATION_ID}/${FAKE_USER_ID}`;
    const issuedAt = String(Date.now());
    const signature = createHmac('sha256', clientSecret).update(id + issuedAt).digest('base64');
    return { status: 200, body: { access_token: this.issue(), instance_url: instanceUrl, id, token_type: 'Bearer', issued_at: issuedAt, signature } };
  }
}
