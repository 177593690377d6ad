import { describe, expect, it } from 'vitest';
import { createPgliteClient } from './pglite-client.js';

describe('PGlite client', () => {
  it('runs in memory, queues a query behind an open transaction, and closes twice safely', async () => {
    const sql = await createPgliteClient({ memory: true });
    await sql.execute('CREATE TABLE seen (n integer)');
    const order: string[] = [];
    const transaction = sql.transaction(async (inside) => {
      await inside.query('INSERT INTO seen VALUES (1)');
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push('transaction');
    });
    const query = sql.query<{ count: number }>('SELECT count(*)::int AS count FROM seen').then((result) => {
      order.push('query');
      return result.rows[0]?.count;
    });
    await transaction;
    // The query waited for the commit, so it sees the row.
    expect(await query).toBe(1);
    expect(order).toEqual(['transaction', 'query']);
    await sql.close();
    await expect(sql.close()).resolves.toBeUndefined();
  });
});
