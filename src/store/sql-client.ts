/**
 * The one SQL surface the store is written against. Postgres (`pg`) and PGlite (Postgres in
 * WASM) both implement it, so every query and migration is the same SQL on both.
 */
export interface QueryResult<Row> {
  readonly rows: Row[];
}

/** A parameter value: `pg` and PGlite both serialize these; pass JSON as a string with `$n::jsonb`. */
export type SqlValue = string | number | boolean | Date | null;

export interface SqlClient {
  /** One statement with `$1`-style parameters. */
  query<Row>(sql: string, params?: readonly SqlValue[]): Promise<QueryResult<Row>>;
  /** Several statements without parameters, e.g. a migration script. */
  execute(script: string): Promise<void>;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * `work` must use the client it receives; on PGlite the outer client waits for the
   * transaction to end, so using it inside would never finish. Calling `transaction` on that
   * client joins the same transaction, so repository functions compose.
   */
  transaction<T>(work: (transaction: SqlClient) => Promise<T>): Promise<T>;
  /** Ends the pool or the embedded database. A transaction's client leaves this to its owner. */
  close(): Promise<void>;
}
