import { retrieveCollection, updateCollection } from './fake-salesforce-server-composite.js';
import { toWireRecord, type FakeQueryCursors } from './fake-salesforce-server-query.js';
import { parseDateTime, type FakeRecordStore } from './fake-salesforce-server-records.js';
import { FakeSalesforceError, type RecordedSalesforceRequest } from './fake-salesforce-server-types.js';

/** A REST answer; no body means 204 No Content. */
export interface RestAnswer {
  readonly status: number;
  readonly body?: unknown;
}

export interface RestState {
  readonly store: FakeRecordStore;
  readonly cursors: FakeQueryCursors;
}

interface Route {
  readonly state: RestState;
  readonly request: RecordedSalesforceRequest;
  readonly version: string;
  readonly segments: readonly string[];
}

/** Routes `/services/data/vXX.X/…`: sObject rows, query and queryMore, sObject Collections. */
export function answerRest(state: RestState, request: RecordedSalesforceRequest): RestAnswer {
  const match = /^\/services\/data\/v(\d+\.\d)\/(.+)$/.exec(request.path);
  if (match?.[1] === undefined || match[2] === undefined) throw notFound();
  const route: Route = { state, request, version: match[1], segments: match[2].split('/').map(decodeURIComponent) };
  const [resource, second, third] = route.segments;
  if (resource === 'sobjects' && second !== undefined) return third === undefined ? sobjectCollection(route, second) : sobjectRow(route, second, third);
  if (resource === 'query' && route.segments.length <= 2) {
    allow(request, ['GET']);
    const page = second === undefined ? state.cursors.run(state.store, request.query['q'], route.version) : state.cursors.more(second, route.version);
    return { status: 200, body: page };
  }
  if (resource === 'composite' && second === 'sobjects' && route.segments.length <= 3) {
    allow(request, third === undefined ? ['PATCH'] : ['POST']);
    const body = third === undefined ? updateCollection(state.store, request.body) : retrieveCollection(state.store, third, request.body, route.version);
    return { status: 200, body };
  }
  throw notFound();
}

function sobjectCollection({ state, request }: Route, type: string): RestAnswer {
  allow(request, ['POST']);
  const id = state.store.create(type, state.store.check(type, asObject(request.body)));
  return { status: 201, body: { id, success: true, errors: [] } };
}

function sobjectRow({ state, request, version, segments }: Route, type: string, id: string): RestAnswer {
  if (segments.length > 3) throw notFound();
  allow(request, ['GET', 'PATCH', 'DELETE']);
  const { store } = state;
  const record = store.get(type, id);
  if (request.method === 'GET') {
    const fields = request.query['fields']?.split(',').map((field) => field.trim());
    const unknown = fields?.find((field) => !store.knownFields(type).has(field));
    if (unknown !== undefined) throw new FakeSalesforceError(400, 'INVALID_FIELD', `No such column '${unknown}' on entity '${type}'.`);
    return { status: 200, body: toWireRecord(type, record, version, fields) };
  }
  checkUnmodifiedSince(request, parseDateTime(record['LastModifiedDate']));
  if (request.method === 'DELETE') store.delete(type, id);
  else store.write(type, id, store.check(type, asObject(request.body)));
  return { status: 204 };
}

/** Optimistic concurrency: a record modified after `If-Unmodified-Since` (one-second resolution) is not written. */
function checkUnmodifiedSince(request: RecordedSalesforceRequest, lastModified: number): void {
  const header = request.headers['if-unmodified-since'];
  if (header === undefined) return;
  const since = Date.parse(header);
  if (Number.isNaN(since)) throw new FakeSalesforceError(400, 'MALFORMED_HEADER', `If-Unmodified-Since is not an HTTP date: ${header}`);
  if (lastModified > since) throw new FakeSalesforceError(412, 'PRECONDITION_FAILED', 'The requested Resource was modified since the given date');
}

function allow(request: RecordedSalesforceRequest, methods: readonly string[]): void {
  if (!methods.includes(request.method)) {
    throw new FakeSalesforceError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${request.method}' not allowed. Allowed are ${methods.join(',')}`);
  }
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new FakeSalesforceError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
  return body as Record<string, unknown>;
}

function notFound(): FakeSalesforceError {
  return new FakeSalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
}
