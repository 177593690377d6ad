import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { STORE_BACKENDS } from './store-backends.js';

describe.each(STORE_BACKENDS)('SQL client on $name', ({ createFixture }) => {
  const backend = createFixture();
  let store: Store;

  beforeAll(async () => {
    await backend.setUp();
    store = await openStore(backend.storeOptions());
    await store.sql.execute('CREATE TABLE counters (name text PRIMARY KEY, value integer NOT NULL); CREATE TABLE notes (body jsonb);');
  });
  afterAll(async () => {
    await store.close();
    await backend.tearDown();
  });

  it('passes parameters and returns rows, with JSON sent as text cast to jsonb', async () => {
    const body = [1, { nested: ['x'] }, null, 'text'];
    const { rows } = await store.sql.query<{ body: unknown; n: number }>('INSERT INTO notes (body) VALUES ($1::jsonb) RETURNING body, $2::int AS n', [
      JSON.stringify(body),
      7,
    ]);
    expect(rows).toEqual([{ body, n: 7 }]);
  });

  it('commits a transaction that resolves and rolls back one that throws, rethrowing its error unchanged', async () => {
    await store.sql.transaction((transaction) => transaction.query(`INSERT INTO counters VALUES ('kept', 1)`));
    const thrown = new Error('changed my mind');
    await expect(
      store.sql.transaction(async (transaction) => {
        await transaction.query(`INSERT INTO counters VALUES ('dropped', 1)`);
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    const { rows } = await store.sql.query<{ name: string }>('SELECT name FROM counters ORDER BY name');
    expect(rows.map((row) => row.name)).toEqual(['kept']);
  });

  it('a nested transaction joins the outer one, so it rolls back with it', async () => {
    await expect(
      store.sql.transaction(async (outer) => {
        await outer.transaction((inner) => inner.query(`INSERT INTO counters VALUES ('nested', 1)`));
        await outer.query('SELECT 1 / 0');
      }),
    ).rejects.toMatchObject({ code: 'store_failed' });
    const { rows } = await store.sql.query(`SELECT 1 FROM counters WHERE name = 'nested'`);
    expect(rows).toEqual([]);
  });

  it('concurrent transactions each see the others committed, so no increment is lost', async () => {
    await store.sql.query(`INSERT INTO counters VALUES ('hits', 0)`);
    const increment = () =>
      store.sql.transaction(async (transaction) => {
        const { rows } = await transaction.query<{ value: number }>(`SELECT value FROM counters WHERE name = 'hits' FOR UPDATE`);
        await transaction.query(`UPDATE counters SET value = $1 WHERE name = 'hits'`, [rows[0]!.value + 1]);
      });
    await Promise.all(Array.from({ length: 8 }, increment));
    const { rows } = await store.sql.query<{ value: number }>(`SELECT value FROM counters WHERE name = 'hits'`);
    expect(rows[0]!.value).toBe(8);
  });

  it('a bad statement is store_failed with its SQLSTATE', async () => {
    await expect(store.sql.query('SELECT * FROM no_such_table')).rejects.toMatchObject({
      name: 'BatonError',
      code: 'store_failed',
      details: { backend: backend.name, sqlState: '42P01' },
    });
  });
});
