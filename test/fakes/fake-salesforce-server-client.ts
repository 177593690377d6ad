import type { FakeSalesforceServer } from './fake-salesforce-server.js';

export const FAKE_API = '/services/data/v62.0';

/** The parts of REST answers the fake's own tests read: query pages, error arrays, token answers. */
export interface WireBody {
  readonly totalSize: number;
  readonly done: boolean;
  readonly nextRecordsUrl: string;
  readonly records: readonly Readonly<Record<string, unknown>>[];
  readonly 0: { readonly errorCode: string; readonly message: string };
  readonly access_token: string;
}

export interface WireAnswer {
  readonly status: number;
  readonly json: WireBody;
}

export interface WireCall {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Defaults to the fake's pre-issued access token. */
  readonly token?: string;
}

/** A plain-fetch client for the fake's own tests: a bearer token, JSON in and out. */
export async function callFake(fake: FakeSalesforceServer, method: string, path: string, options: WireCall = {}): Promise<WireAnswer> {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${options.token ?? fake.credentials.accessToken}`, 'content-type': 'application/json', ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, json: (text === '' ? undefined : JSON.parse(text)) as WireBody };
}

/** `POST /services/oauth2/token` with a form body, as jsforce's OAuth2 client sends it. */
export async function requestToken(fake: FakeSalesforceServer, form: Record<string, string>): Promise<WireAnswer> {
  const response = await fetch(`${fake.url}/services/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  return { status: response.status, json: (await response.json()) as WireBody };
}
