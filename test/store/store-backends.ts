import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/logging/index.js';
import { createPostgresClient, type OpenStoreOptions, type SqlClient, type Store, type StoreBackend } from '../../src/store/index.js';

/** The real PostgreSQL the suite runs against; trust auth, each test file in its own schema. */
export const TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export const silentLogger = createLogger({ level: 'silent' });

/** One database private to a test file, on one backend: set up before, removed after. */
export interface StoreBackendFixture {
  readonly name: StoreBackend;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** openStore options pointing at this file's database. */
  storeOptions(): OpenStoreOptions;
  /**
   * A client as a second process would have. PostgreSQL: a separate pool. PGlite allows one
   * instance per folder, so a second process there is really the same client.
   */
  secondClient(store: Store): SqlClient;
}

function createPostgresFixture(): StoreBackendFixture {
  const schema = `t_store_${randomBytes(6).toString('hex')}`;
  const admin = createPostgresClient({ url: TEST_DATABASE_URL });
  return {
    name: 'postgres',
    setUp: () => admin.execute(`CREATE SCHEMA ${schema}`),
    async tearDown() {
      await admin.execute(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    },
    storeOptions: () => ({ databaseUrl: TEST_DATABASE_URL, schema, dataDir: '/nonexistent/unused', logger: silentLogger }),
    secondClient: () => createPostgresClient({ url: TEST_DATABASE_URL, schema }),
  };
}

function createPgliteFixture(): StoreBackendFixture {
  let folder = '';
  return {
    name: 'pglite',
    async setUp() {
      folder = await mkdtemp(path.join(os.tmpdir(), 'baton-store-'));
    },
    tearDown: () => rm(folder, { recursive: true, force: true }),
    // A folder inside the temporary one, so openStore's "create if missing" is exercised too.
    storeOptions: () => ({ dataDir: path.join(folder, 'data'), logger: silentLogger }),
    secondClient: (store) => store.sql,
  };
}

/** For `describe.each(STORE_BACKENDS)('… on $name', …)`: every suite runs on both backends. */
export const STORE_BACKENDS = [
  { name: 'postgres', createFixture: createPostgresFixture },
  { name: 'pglite', createFixture: createPgliteFixture },
] as const;
