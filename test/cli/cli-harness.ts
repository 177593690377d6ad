import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { uniqueQueuePrefix } from '../../queues/connection/queue-test-support.js';
import { runCli } from '../../src/cli/run-cli.js';
import { captureIo } from '../support/capture-io.js';
import { clearQueues } from '../support/clear-queues.js';
import { createTemporaryDatabase } from '../support/temporary-database.js';

export interface CliResult {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

export interface CliHarness {
  /** Runs `baton <args>` in this process, against this file's database, queue prefix and settings. */
  cli(args: readonly string[], env?: Record<string, string>): Promise<CliResult>;
  /** DATABASE_URL, offline model, silent logs, and a settings file of the test's own. */
  readonly env: Readonly<Record<string, string>>;
  readonly prefix: string;
  readonly folder: string;
  /** Writes a settings file in the test's folder and returns its path, for BATON_CONFIG. */
  writeSettings(name: string, settings: unknown): Promise<string>;
  close(): Promise<void>;
}

/** The CLI on the real PostgreSQL server (a database per file) and real Redis (a queue prefix per file). */
export async function createCliHarness(label: string): Promise<CliHarness> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `baton-cli-${label}-`));
  const database = await createTemporaryDatabase(`t_cli_${label.replaceAll('-', '_')}`);
  const prefix = uniqueQueuePrefix(`cli-${label}`);
  const writeSettings = async (name: string, settings: unknown) => {
    const file = path.join(folder, name);
    await writeFile(file, JSON.stringify(settings));
    return file;
  };
  // An explicit, empty settings file: a baton.config.json in the working folder must not change the tests.
  const env = { DATABASE_URL: database.url, BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent', BATON_CONFIG: await writeSettings('baton.config.json', {}) };
  return {
    env,
    prefix,
    folder,
    writeSettings,
    async cli(args, extra = {}) {
      const io = captureIo();
      const status = await runCli(args, { io, env: { ...env, ...extra }, queuePrefix: prefix });
      return { status, out: io.out(), err: io.err() };
    },
    async close() {
      await clearQueues(prefix);
      await database.drop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** stdout as the JSON a command printed. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape it then asserts on, as JSON.parse's callers would with a cast
export function parseJson<T = Record<string, unknown>>(result: CliResult): T {
  try {
    return JSON.parse(result.out) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.status}):\n${result.out}\nstderr:\n${result.err}`);
  }
}
