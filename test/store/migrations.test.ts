import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS, openStore, type Migration } from '../../src/store/index.js';
import { silentLogger, STORE_BACKENDS } from './store-backends.js';

interface MigrationRow {
  version: number;
  name: string;
  applied_at: Date;
}

describe.each(STORE_BACKENDS)('migrations on $name', ({ createFixture }) => {
  const backend = createFixture();
  beforeAll(() => backend.setUp());
  afterAll(() => backend.tearDown());

  it('creates every table on first open and records each migration once', async () => {
    const store = await openStore(backend.storeOptions());
    try {
      const { rows } = await store.sql.query<MigrationRow>('SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
      expect(rows.map(({ version, name }) => ({ version, name }))).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
      expect(rows[0]!.applied_at).toBeInstanceOf(Date);
      const tables = await store.sql.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(['approvals', 'audit_log', 'crm_change_sets', 'crm_records', 'crm_writes', 'dead_letters', 'eval_runs', 'labelled_examples', 'run_events', 'runs', 'schema_migrations', 'slack_cards', 'slack_notices', 'steps']);
    } finally {
      await store.close();
    }
  });

  it('reopening the same database applies nothing again and keeps the data', async () => {
    const first = await openStore(backend.storeOptions());
    const run = await first.runs.createRun({ kind: 'agent', name: 'researcher', version: '1', input: { company: 'Acme' } });
    await first.close();

    const second = await openStore(backend.storeOptions());
    try {
      expect(await applyMigrations({ sql: second.sql, logger: silentLogger })).toEqual([]);
      const { rows } = await second.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM schema_migrations');
      expect(rows[0]!.count).toBe(MIGRATIONS.length);
      expect((await second.runs.getRun(run.id)).input).toEqual({ company: 'Acme' });
    } finally {
      await second.close();
    }
  });

  it('two processes migrating at once apply each migration exactly once', async () => {
    const probes: Migration[] = [
      { version: 1001, name: 'probe-one', sql: 'CREATE TABLE probe_one (id integer); SELECT pg_sleep(0.05);' },
      { version: 1002, name: 'probe-two', sql: 'CREATE TABLE probe_two (id integer);' },
    ];
    const store = await openStore(backend.storeOptions());
    const other = backend.secondClient(store);
    try {
      const [mine, theirs] = await Promise.all([
        applyMigrations({ sql: store.sql, logger: silentLogger, migrations: probes }),
        applyMigrations({ sql: other, logger: silentLogger, migrations: probes }),
      ]);
      expect([...mine, ...theirs].map((migration) => migration.version).sort()).toEqual([1001, 1002]);
      const { rows } = await store.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM schema_migrations WHERE version > 1000');
      expect(rows[0]!.count).toBe(2);
    } finally {
      if (other !== store.sql) await other.close();
      await store.close();
    }
  });

  it('a failing migration is rolled back whole and reported by version and name', async () => {
    const broken: Migration = { version: 2001, name: 'broken', sql: 'CREATE TABLE half_done (id integer); SELECT 1 / 0;' };
    const store = await openStore(backend.storeOptions());
    try {
      await expect(applyMigrations({ sql: store.sql, logger: silentLogger, migrations: [broken] })).rejects.toMatchObject({
        code: 'store_failed',
        message: expect.stringContaining('Migration 2001 (broken) failed and was rolled back'),
      });
      const table = await store.sql.query(
        `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'half_done'`,
      );
      expect(table.rows).toEqual([]);
      const recorded = await store.sql.query('SELECT 1 FROM schema_migrations WHERE version = 2001');
      expect(recorded.rows).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('refuses a migration list out of order', async () => {
    const store = await openStore(backend.storeOptions());
    try {
      const outOfOrder: Migration[] = [
        { version: 3002, name: 'later', sql: 'SELECT 1' },
        { version: 3001, name: 'earlier', sql: 'SELECT 1' },
      ];
      await expect(applyMigrations({ sql: store.sql, logger: silentLogger, migrations: outOfOrder })).rejects.toMatchObject({ code: 'internal' });
    } finally {
      await store.close();
    }
  });
});
