import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { QueryResult, SqlClient, SqlValue } from './sql-client.js';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock.js';
import { storeUnavailable, toStoreError, type StoreLocation } from './store-error.js';

/** A folder that keeps the database between runs, or memory for tests and throwaway runs. */
export type PgliteClientOptions = { readonly dataDir: string; readonly memory?: never } | { readonly memory: true; readonly dataDir?: never };

/** The part of PGlite and of its transactions that the client uses. */
type PgliteSession = Pick<Transaction, 'query' | 'exec'>;

function bindToSession(session: PgliteSession, location: StoreLocation, transaction: SqlClient['transaction']): SqlClient {
  return {
    async query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<QueryResult<Row>> {
      try {
        const result = await session.query<Row>(sql, [...params]);
        return { rows: result.rows };
      } catch (error) {
        throw toStoreError(error, location);
      }
    },
    async execute(script: string): Promise<void> {
      try {
        await session.exec(script);
      } catch (error) {
        throw toStoreError(error, location);
      }
    },
    transaction,
    close: () => Promise.resolve(),
  };
}

/** How long a second process waits for the data folder before giving up with a clear error. */
const FOLDER_WAIT_MS = 15_000;

async function openDatabase(options: PgliteClientOptions, location: StoreLocation): Promise<{ database: PGlite; lock?: DataFolderLock }> {
  if (options.memory === true) return { database: await PGlite.create().catch((error: unknown) => Promise.reject(storeUnavailable(location, error))) };
  try {
    await mkdir(location.where, { recursive: true });
  } catch (error) {
    throw storeUnavailable(location, error);
  }
  const lock = await lockDataFolder(location.where, FOLDER_WAIT_MS);
  try {
    return { database: await PGlite.create(location.where), lock };
  } catch (error) {
    await lock.release();
    throw storeUnavailable(location, error);
  }
}

/**
 * Embedded PostgreSQL (PGlite, WASM) in one process. PGlite has a single connection; its
 * `transaction` holds a lock that queues every other query and transaction until it ends, which
 * is what serializes concurrent callers here.
 */
export async function createPgliteClient(options: PgliteClientOptions): Promise<SqlClient> {
  const location: StoreLocation = {
    backend: 'pglite',
    where: options.memory === true ? 'memory' : path.resolve(options.dataDir),
  };
  const { database, lock } = await openDatabase(options, location);
  const transaction: SqlClient['transaction'] = async (work) => {
    // Errors from `work` pass through unchanged; only BEGIN and COMMIT failures are mapped here.
    const state = { failedInWork: false };
    try {
      return await database.transaction((session) => {
        const bound = bindToSession(session, location, (inner) => inner(bound));
        return work(bound).catch((error: unknown) => {
          state.failedInWork = true;
          throw error;
        });
      });
    } catch (error) {
      throw state.failedInWork ? error : toStoreError(error, location);
    }
  };
  let closing: Promise<void> | undefined;
  // Shutdown paths may close twice; the second call waits for the first.
  const close = async () => {
    await database.close();
    await lock?.release();
  };
  return { ...bindToSession(database, location, transaction), close: () => (closing ??= close()) };
}
