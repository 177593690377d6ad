import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { FakeSalesforceAuth, type FakeSalesforceCredentials } from './fake-salesforce-server-auth.js';
import { FakeFaultQueue } from './fake-salesforce-server-faults.js';
import { closeServer, listenOnLoopback, recordRequest, sendJson, sendNoContent } from './fake-salesforce-server-http.js';
import { FakeQueryCursors } from './fake-salesforce-server-query.js';
import { FakeRecordStore } from './fake-salesforce-server-records.js';
import { answerRest, type RestAnswer } from './fake-salesforce-server-rest.js';
import {
  FakeSalesforceError,
  type FakeFaultTarget,
  type FakeRecordFields,
  type FakeValidationRule,
  type RecordedSalesforceRequest,
} from './fake-salesforce-server-types.js';

export interface FakeSalesforceServerOptions extends FakeSalesforceCredentials {
  /** Records per query page before `nextRecordsUrl`; Salesforce's default is 2,000. */
  readonly queryPageSize?: number;
}

/**
 * A Salesforce org's REST API on 127.0.0.1 for real jsforce (`instanceUrl` or `loginUrl` here): records,
 * the SOQL subset Baton emits, bearer sessions, `If-Unmodified-Since`, injected faults, every request recorded.
 */
export class FakeSalesforceServer {
  readonly #auth: FakeSalesforceAuth;
  readonly #store = new FakeRecordStore();
  readonly #cursors: FakeQueryCursors;
  readonly #faults = new FakeFaultQueue();
  readonly #requests: RecordedSalesforceRequest[] = [];
  #listening: { readonly server: Server; readonly url: string } | undefined;

  constructor(options: FakeSalesforceServerOptions = {}) {
    this.#auth = new FakeSalesforceAuth(options);
    this.#cursors = new FakeQueryCursors(options.queryPageSize);
  }

  /** The instance URL and login URL alike: `http://127.0.0.1:<port>`. */
  get url(): string {
    if (this.#listening === undefined) throw new Error('FakeSalesforceServer: call start() before reading url');
    return this.#listening.url;
  }

  /** The access token, username, password and OAuth client this org accepts. */
  get credentials(): Required<FakeSalesforceCredentials> {
    return this.#auth.credentials;
  }

  /** Every request received, in order, including refused ones and token requests. */
  get requests(): readonly RecordedSalesforceRequest[] {
    return this.#requests;
  }

  /** Faults injected and not yet used up. */
  get pendingFaults(): number {
    return this.#faults.pending;
  }

  /** How many tokens the OAuth token endpoint has handed out (logins). */
  get loginCount(): number {
    return this.#auth.issuedCount;
  }

  async start(): Promise<void> {
    this.#listening = await listenOnLoopback((incoming, response) => this.#handle(incoming, response));
  }

  async close(): Promise<void> {
    const server = this.#listening?.server;
    this.#listening = undefined;
    if (server !== undefined) await closeServer(server);
  }

  /** Adds a record (its fields join the object's known fields) and returns its Id. */
  seed(type: string, fields: FakeRecordFields): string {
    return this.#store.seed(type, fields);
  }

  /** A copy of the record as stored now. */
  record(type: string, id: string): FakeRecordFields | undefined {
    return structuredClone(this.#store.find(type, id));
  }

  /** Someone else edits the record: its LastModifiedDate moves on, so a stale conditional write gets 412. */
  modifyRecord(type: string, id: string, fields: FakeRecordFields): void {
    this.#store.write(type, id, this.#store.check(type, fields));
  }

  addValidationRule(rule: FakeValidationRule): this {
    this.#store.addRule(rule);
    return this;
  }

  /** Ends every session (401 INVALID_SESSION_ID next); new logins work unless `alsoNewSessions` is set. */
  expireSession(options: { readonly alsoNewSessions?: boolean } = {}): this {
    this.#auth.expireAll(options.alsoNewSessions);
    return this;
  }

  /** A fresh valid token, as an operator would paste into SALESFORCE_ACCESS_TOKEN. */
  issueAccessToken(): string {
    return this.#auth.issue();
  }

  /** The next `count` REST requests (of `target.method`, if given) fail with REQUEST_LIMIT_EXCEEDED or a server error. */
  failNextRequests(count: number, failure: 'REQUEST_LIMIT_EXCEEDED' | 500 | 502 | 503, target: FakeFaultTarget = {}): this {
    this.#faults.add(count, failure === 'REQUEST_LIMIT_EXCEEDED' ? { ...target, kind: 'request_limit' } : { ...target, kind: 'server_error', status: failure });
    return this;
  }

  /** The next `count` REST requests are carried out, then the connection is reset before the answer. */
  loseNextAnswers(count: number, target: FakeFaultTarget = {}): this {
    this.#faults.add(count, { ...target, kind: 'lost_answer' });
    return this;
  }

  /** The next `count` REST requests are answered only after `delayMs`. */
  delayNextRequests(count: number, delayMs: number, target: FakeFaultTarget = {}): this {
    this.#faults.add(count, { ...target, kind: 'delay', delayMs });
    return this;
  }

  async #handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const request = await recordRequest(incoming);
    this.#requests.push(request);
    if (request.path === '/services/oauth2/token' && request.method === 'POST') {
      const answer = this.#auth.answerTokenRequest(request.body as Record<string, string>, this.url);
      sendJson(response, answer.status, answer.body);
    } else if (!this.#auth.accepts(request.headers['authorization'])) {
      sendJson(response, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    } else {
      const next = await this.#faults.play(request.method, response);
      if (next === 'answered') return;
      const answer = this.#answer(request);
      const limits = { 'sforce-limit-info': `api-usage=${this.#requests.length}/15000` };
      if (next === 'answer_then_reset') response.socket?.destroy();
      else if (answer.body === undefined) sendNoContent(response, limits);
      else sendJson(response, answer.status, answer.body, limits);
    }
  }

  #answer(request: RecordedSalesforceRequest): RestAnswer {
    try {
      return answerRest({ store: this.#store, cursors: this.#cursors }, request);
    } catch (error) {
      if (!(error instanceof FakeSalesforceError)) throw error;
      return { status: error.status, body: [error.item] };
    }
  }
}
