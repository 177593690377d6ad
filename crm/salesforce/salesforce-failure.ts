/**
 * What went wrong in a Salesforce call, read from whatever jsforce threw: a REST error
 * (`errorCode` plus `data: { message, errorCode, fields }`), an OAuth error (its `name` is the
 * OAuth `error`), a network failure (node-fetch's FetchError with a system `code`) or a timeout.
 */
export interface SalesforceFailure {
  readonly errorCode: string;
  readonly message: string;
  /** API names of the fields Salesforce blamed, from `fields` or from the message. */
  readonly fields: readonly string[];
}

/** Answers that a later attempt can get right: the server failed, or the row was briefly locked. */
const TRANSIENT_CODES = new Set(['SERVER_UNAVAILABLE', 'UNKNOWN_EXCEPTION', 'UNABLE_TO_LOCK_ROW', 'NETWORK_ERROR', 'TIMEOUT']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'ENETDOWN', 'ENETUNREACH', 'EHOSTDOWN', 'EHOSTUNREACH', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET']);

export function describeFailure(error: unknown): SalesforceFailure {
  const value = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const message = typeof value['message'] === 'string' ? value['message'] : String(error);
  if (value['name'] === 'AbortError') return { errorCode: 'TIMEOUT', message: 'Salesforce did not answer in time', fields: [] };
  if (value['name'] === 'FetchError') {
    const code = typeof value['code'] === 'string' ? value['code'] : '';
    return { errorCode: NETWORK_CODES.has(code) ? 'NETWORK_ERROR' : 'FETCH_ERROR', message, fields: [] };
  }
  const errorCode = typeof value['errorCode'] === 'string' ? value['errorCode'] : typeof value['name'] === 'string' ? value['name'] : 'UNKNOWN';
  return { errorCode, message: oneLine(message), fields: blamedFields(value['data'], message) };
}

export function isTransientFailure(failure: SalesforceFailure): boolean {
  return TRANSIENT_CODES.has(failure.errorCode) || /^ERROR_HTTP_5\d\d$/.test(failure.errorCode);
}

function blamedFields(data: unknown, message: string): string[] {
  const listed = typeof data === 'object' && data !== null ? (data as { fields?: unknown }).fields : undefined;
  if (Array.isArray(listed) && listed.length > 0) return listed.filter((field): field is string => typeof field === 'string');
  const column = /No such column '([^']+)'/.exec(message)?.[1];
  if (column !== undefined) return [column];
  const readOnly = /Unable to create\/update fields: ([^.]+)\./.exec(message)?.[1];
  return readOnly === undefined ? [] : readOnly.split(',').map((field) => field.trim());
}

/** SOQL errors span lines and an HTML error page is long; logs and results want one short line. */
function oneLine(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
