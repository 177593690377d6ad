import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../logging/index.js';
import { assertSchemaName } from './schema-name.js';
import type { QueryResult, SqlClient, SqlValue } from './sql-client.js';
import { describePostgresUrl, toStoreError, type StoreLocation } from './store-error.js';

export interface PostgresClientOptions {
  /** A PostgreSQL URL, usually DATABASE_URL. */
  readonly url: string;
  /** Sets `search_path` on every connection, so tests can each work in their own schema. It must exist. */
  readonly schema?: string;
  readonly maxConnections?: number;
  /** How long to wait for a connection before reporting the store unavailable; defaults to 10 s. */
  readonly connectTimeoutMs?: number;
  /** Receives errors on idle pooled connections (e.g. a server restart). */
  readonly logger?: Logger;
}

type Connection = pg.PoolClient;

/**
 * A named statement: PostgreSQL parses and plans it once per connection instead of on every
 * call (about a fifth of a step's store time). Only single statements with parameters are named;
 * scripts go through `execute` as simple queries.
 */
function prepared(text: string, params: readonly SqlValue[]): pg.QueryConfig {
  if (params.length === 0) return { text };
  return { name: `baton_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, values: [...params] };
}

function createPool(options: PostgresClientOptions): pg.Pool {
  return new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    // A startup parameter rather than a `SET` after connecting: no connection is ever used with the wrong path.
    ...(options.schema === undefined ? {} : { options: `-c search_path=${assertSchemaName(options.schema)}` }),
  });
}

/** A client bound to one checked-out connection inside a transaction. */
function bindToConnection(connection: Connection, location: StoreLocation): SqlClient {
  const bound: SqlClient = {
    async query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<QueryResult<Row>> {
      try {
        const result = await connection.query(prepared(sql, params));
        return { rows: result.rows as Row[] };
      } catch (error) {
        throw toStoreError(error, location);
      }
    },
    async execute(script: string): Promise<void> {
      try {
        await connection.query(script);
      } catch (error) {
        throw toStoreError(error, location);
      }
    },
    transaction: (work) => work(bound),
    close: () => Promise.resolve(),
  };
  return bound;
}

async function rollback(connection: Connection): Promise<Error | undefined> {
  try {
    await connection.query('ROLLBACK');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Errors thrown by `work` reach the caller unchanged (they are already BatonErrors when they
 * come from a query); only BEGIN and COMMIT failures are mapped here.
 */
async function runTransaction<T>(connection: Connection, location: StoreLocation, work: (transaction: SqlClient) => Promise<T>): Promise<T> {
  const bound = bindToConnection(connection, location);
  let broken: Error | undefined;
  // A connection the server drops mid-transaction (a restart, a failover) emits 'error' on the
  // checked-out client, where the pool's idle listener is not: unheard, it would crash the process.
  // The query in flight rejects on its own; this only keeps the connection out of the pool.
  const onError = (error: Error) => {
    broken = error;
  };
  connection.on('error', onError);
  try {
    await bound.execute('BEGIN');
    const result = await work(bound).catch(async (error: unknown) => {
      broken = await rollback(connection);
      throw error;
    });
    await bound.execute('COMMIT');
    return result;
  } finally {
    connection.off('error', onError);
    // A connection that could not roll back, or that failed, is destroyed instead of going back to the pool.
    connection.release(broken);
  }
}

/** PostgreSQL over a `pg` Pool. Every failure is a BatonError: store_unavailable or store_failed. */
export function createPostgresClient(options: PostgresClientOptions): SqlClient {
  const location: StoreLocation = { backend: 'postgres', where: describePostgresUrl(options.url) };
  const pool = createPool(options);
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', (error) => options.logger?.warn({ err: error, store: location.where }, 'idle PostgreSQL connection failed'));
  const connect = async (): Promise<Connection> => {
    try {
      return await pool.connect();
    } catch (error) {
      throw toStoreError(error, location);
    }
  };
  let closing: Promise<void> | undefined;
  const client: SqlClient = {
    async query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<QueryResult<Row>> {
      try {
        const result = await pool.query(prepared(sql, params));
        return { rows: result.rows as Row[] };
      } catch (error) {
        throw toStoreError(error, location);
      }
    },
    // A multi-statement simple query already runs as one implicit transaction in PostgreSQL.
    execute: async (script) => {
      await client.query(script);
    },
    transaction: async (work) => runTransaction(await connect(), location, work),
    // Shutdown paths may close twice; `pg` throws on a second `end()`.
    close: () => (closing ??= pool.end()),
  };
  return client;
}
