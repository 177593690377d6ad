import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresClient, type SqlClient } from '../../src/store/index.js';
import { createTemporaryDatabase } from '../support/temporary-database.js';

let database: { url: string; drop: () => Promise<void> };
let client: SqlClient;
beforeAll(async () => {
  database = await createTemporaryDatabase('t_connection_loss');
  client = createPostgresClient({ url: database.url });
});
afterAll(async () => {
  await client.close();
  await database.drop();
});

describe('a PostgreSQL connection dropped by the server in the middle of a transaction', () => {
  it('fails that transaction with a store error, does not crash the process, and the next transaction gets a fresh connection', async () => {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const failed = client.transaction(async (transaction) => {
        const { rows } = await transaction.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        // What a server restart or failover does to a session: it is killed from outside.
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await transaction.query('SELECT 1');
      });
      await expect(failed).rejects.toMatchObject({ name: 'BatonError' });
      const { rows } = await client.query<{ answer: number }>('SELECT 41 + 1 AS answer');
      expect(rows).toEqual([{ answer: 42 }]);
      expect(await client.transaction(async (transaction) => (await transaction.query<{ one: number }>('SELECT 1 AS one')).rows)).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
    }
  });
});
