import pg from 'pg';

/** Runs one statement on the connection the work used; `pg_stat_force_next_flush()` is one. */
export type RunOnSameConnection = (sql: string) => Promise<unknown>;

/**
 * PostgreSQL commits `work` made in `database`, from the server's own count
 * (`pg_stat_database.xact_commit`). A backend publishes its counters lazily (at most once a
 * second, or after 10 s idle), so the work must use a single connection and let us run
 * `pg_stat_force_next_flush()` on it before and after: the server then publishes before it
 * answers. The `after` flush statement is itself one commit, which is subtracted.
 */
export async function countCommits(options: {
  readonly adminUrl: string;
  readonly database: string;
  readonly onSameConnection: RunOnSameConnection;
  readonly work: () => Promise<void>;
}): Promise<number> {
  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    const read = async (): Promise<number> => {
      // Without this, the admin session could answer from its cached statistics snapshot.
      await admin.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await admin.query<{ commits: string }>('SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = $1', [
        options.database,
      ]);
      const commits = rows[0]?.commits;
      if (commits === undefined) throw new Error(`count-commits: database ${options.database} has no statistics row`);
      return Number(commits);
    };
    const flush = () => options.onSameConnection('SELECT pg_stat_force_next_flush()');
    await flush();
    const before = await read();
    await options.work();
    await flush();
    return (await read()) - before - 1;
  } finally {
    await admin.end();
  }
}
