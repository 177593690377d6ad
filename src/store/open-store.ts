import type { Logger } from '../logging/index.js';
import { applyMigrations } from './apply-migrations.js';
import { createPgliteClient } from './pglite-client.js';
import { createPostgresClient } from './postgres-client.js';
import { createRunStore } from './run-store.js';
import type { RunStore } from './run-store-types.js';
import type { SqlClient } from './sql-client.js';
import { describePostgresUrl, type StoreBackend } from './store-error.js';

export interface OpenStoreOptions {
  /** DATABASE_URL: when set, PostgreSQL; when not, the embedded database in `dataDir`. */
  readonly databaseUrl?: string | undefined;
  /** BATON_DATA_DIR: the embedded database's folder, created if missing. */
  readonly dataDir: string;
  /** PostgreSQL only: work in this existing schema (tests use one each). The embedded database is private to its folder already. */
  readonly schema?: string;
  readonly logger: Logger;
}

export interface Store {
  readonly backend: StoreBackend;
  /** For queries the repositories do not cover yet, and for joining their writes in one transaction. */
  readonly sql: SqlClient;
  readonly runs: RunStore;
  close(): Promise<void>;
}

async function connect(options: OpenStoreOptions): Promise<{ backend: StoreBackend; sql: SqlClient; where: string }> {
  if (options.databaseUrl !== undefined) {
    const sql = createPostgresClient({ url: options.databaseUrl, schema: options.schema, logger: options.logger });
    return { backend: 'postgres', sql, where: describePostgresUrl(options.databaseUrl) };
  }
  return { backend: 'pglite', sql: await createPgliteClient({ dataDir: options.dataDir }), where: options.dataDir };
}

/** Opens the store Config points at and brings its schema up to date before anything uses it. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { backend, sql, where } = await connect(options);
  try {
    const applied = await applyMigrations({ sql, logger: options.logger });
    options.logger.info({ backend, store: where, migrationsApplied: applied.length }, 'store opened');
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
  return { backend, sql, runs: createRunStore({ sql }), close: () => sql.close() };
}
