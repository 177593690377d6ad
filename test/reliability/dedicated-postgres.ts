import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.js';

const run = promisify(execFile);

export interface DedicatedPostgres {
  /** The URL of database `name` (created by `createDatabase`). */
  url(name: string): string;
  createDatabase(name: string): Promise<string>;
  /** Stops the server at once (`-m immediate`: a crash, recovered from the WAL at start) and starts it again. */
  restart(options?: { readonly downMs?: number }): Promise<void>;
  /** Server connections to `database`, not counting the one asking. */
  connectionCount(database: string): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL cluster of the suite's own (initdb into a temporary folder, trust auth, a free
 * port on 127.0.0.1), so stopping and restarting it cannot disturb the tests that share the
 * server on 5432. Run as the `postgres` user when the suite runs as root, as PostgreSQL insists.
 */
export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const binaries = await postgresBinaries();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'baton-reliability-pg-'));
  const data = path.join(folder, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(folder, Number(stdout.trim()), Number(group.trim()));
    await chmod(folder, 0o700);
  }
  const as = (binary: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(binaries, binary), ...args]) : run(path.join(binaries, binary), args));
  await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  // fsync off: the cluster is thrown away, and durability across `-m immediate` still comes from the WAL in the OS cache.
  const start = () => as('pg_ctl', ['-D', data, '-w', '-l', path.join(folder, 'log'), '-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
  const stop = () => as('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']).catch(() => undefined);
  await start();
  const url = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    url,
    async createDatabase(name) {
      await admin((client) => client.query(`CREATE DATABASE ${name}`));
      return url(name);
    },
    async restart(options = {}) {
      await stop();
      await new Promise((resolve) => setTimeout(resolve, options.downMs ?? 500));
      await start();
    },
    connectionCount: (database) => admin(async (client) => Number((await client.query<{ count: string }>('SELECT count(*) AS count FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database])).rows[0]?.count ?? 0)),
    async stop() {
      await stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function postgresBinaries(): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql')).sort((a, b) => Number(b) - Number(a));
  const newest = versions[0];
  if (newest === undefined) throw new Error('No PostgreSQL binaries under /usr/lib/postgresql: install postgresql to run the reliability suite.');
  return path.join('/usr/lib/postgresql', newest, 'bin');
}
