/** One schema change. Versions only grow; an applied migration is never edited, only followed by a new one. */
export interface Migration {
  readonly version: number;
  /** Recorded in schema_migrations, e.g. `initial`. */
  readonly name: string;
  /** Statements without parameters, applied in one transaction. */
  readonly sql: string;
}
