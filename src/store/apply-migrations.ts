import { BatonError, toBatonError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import type { SqlClient } from './sql-client.js';

export interface ApplyMigrationsOptions {
  readonly sql: SqlClient;
  readonly logger: Logger;
  /** Defaults to every migration Baton ships. */
  readonly migrations?: readonly Migration[];
}

/** 'baton' in ASCII: one fixed key, so every Baton process queues on the same advisory lock. */
const MIGRATION_LOCK_KEY = '422767079278';

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous !== undefined && migration.version <= previous.version) {
      const message = `Migration ${migration.version} (${migration.name}) is listed after ${previous.version}; keep MIGRATIONS in ascending order.`;
      throw new BatonError('internal', message);
    }
  });
}

function migrationFailed(migration: Migration, error: unknown): BatonError {
  const cause = toBatonError(error);
  if (cause.code === 'store_unavailable') return cause;
  return new BatonError('store_failed', `Migration ${migration.version} (${migration.name}) failed and was rolled back: ${cause.message}`, {
    cause,
    details: { ...cause.details, migration: migration.version },
  });
}

/**
 * Applies one migration in its own transaction, under a transaction-scoped advisory lock: when
 * two processes start together, the second waits, then sees the version recorded and skips it.
 * Creating schema_migrations under the same lock avoids the race in `CREATE TABLE IF NOT EXISTS`.
 */
async function applyOne(sql: SqlClient, migration: Migration): Promise<boolean> {
  try {
    return await sql.transaction(async (transaction) => {
      await transaction.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      await transaction.execute(CREATE_MIGRATIONS_TABLE);
      const applied = await transaction.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (applied.rows.length > 0) return false;
      await transaction.execute(migration.sql);
      await transaction.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
  } catch (error) {
    throw migrationFailed(migration, error);
  }
}

/** Brings the schema up to date; returns the migrations this call applied (none when already current). */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<Migration[]> {
  const migrations = options.migrations ?? MIGRATIONS;
  assertOrdered(migrations);
  const applied: Migration[] = [];
  for (const migration of migrations) {
    if (!(await applyOne(options.sql, migration))) continue;
    applied.push(migration);
    options.logger.info({ version: migration.version, migration: migration.name }, 'store migration applied');
  }
  return applied;
}
