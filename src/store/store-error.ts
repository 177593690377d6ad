import { BatonError } from '../errors/index.js';

export type StoreBackend = 'postgres' | 'pglite';

/** Where the store lives, as safe to print: `host:port/database` or the data folder, never a password. */
export interface StoreLocation {
  readonly backend: StoreBackend;
  readonly where: string;
}

/** Network errors from Node's sockets and DNS that mean "the server is not there". */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/**
 * SQLSTATEs that mean the server cannot serve us at all: connection exceptions (class 08),
 * shutdown or startup (57P01-57P03), a missing database, bad credentials, too many connections.
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|3D000|28000|28P01|53300)$/;

/** Messages `pg` uses for a dropped connection or a pool that could not connect in time. */
const UNAVAILABLE_MESSAGES = /connection terminated|timeout exceeded when trying to connect|not queryable/i;

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof AggregateError) return error.errors.some(isConnectionFailure);
  const code = errorCode(error);
  if (code !== undefined && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
  return error instanceof Error && UNAVAILABLE_MESSAGES.test(error.message);
}

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  if (error instanceof Error) return error.message || (errorCode(error) ?? error.name);
  return String(error);
}

/** A store_unavailable error whose message says what to change to fix it. */
export function storeUnavailable(location: StoreLocation, cause: unknown): BatonError {
  const reason = reasonOf(cause);
  const message =
    location.backend === 'postgres'
      ? `Cannot reach PostgreSQL at ${location.where} (${reason}). Check DATABASE_URL and that PostgreSQL is running ` +
        'and accepting connections, or unset DATABASE_URL to use the embedded database in BATON_DATA_DIR.'
      : `Cannot open the embedded database in ${location.where} (${reason}). Check that BATON_DATA_DIR is a writable ` +
        'folder that no other Baton process is using, or set DATABASE_URL to use PostgreSQL.';
  return new BatonError('store_unavailable', message, { cause, details: { ...location } });
}

/** Anything a backend throws, as a BatonError; errors raised on purpose inside a transaction pass through. */
export function toStoreError(error: unknown, location: StoreLocation): BatonError {
  if (error instanceof BatonError) return error;
  if (isConnectionFailure(error)) return storeUnavailable(location, error);
  const sqlState = errorCode(error);
  return new BatonError('store_failed', `State store query failed on ${location.backend}: ${reasonOf(error)}`, {
    cause: error,
    details: { backend: location.backend, ...(sqlState === undefined ? {} : { sqlState }) },
  });
}

/** `host:port/database` from a PostgreSQL URL, so messages and logs never carry its password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the DATABASE_URL host (the URL could not be parsed)';
  }
}
