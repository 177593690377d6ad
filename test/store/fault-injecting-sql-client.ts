import { BatonError } from '../../src/errors/index.js';
import type { SqlClient } from '../../src/store/index.js';

/**
 * Wraps a real client and fails every statement matching `failOn`, inside transactions too, as
 * if the database broke half way through a write.
 */
export function createFaultInjectingSqlClient(inner: SqlClient, failOn: RegExp): SqlClient {
  return {
    query: (sql, params) => {
      if (failOn.test(sql)) return Promise.reject(new BatonError('store_failed', `injected fault on: ${sql.trim().slice(0, 40)}`));
      return inner.query(sql, params);
    },
    execute: (script) => inner.execute(script),
    transaction: (work) => inner.transaction((transaction) => work(createFaultInjectingSqlClient(transaction, failOn))),
    close: () => inner.close(),
  };
}
