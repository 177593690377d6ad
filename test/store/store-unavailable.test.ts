import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatonError } from '../../src/errors/index.js';
import { openStore } from '../../src/store/index.js';
import { silentLogger } from './store-backends.js';

async function openError(options: Parameters<typeof openStore>[0]): Promise<BatonError> {
  const error: unknown = await openStore(options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof BatonError)) throw new Error(`expected a BatonError, got ${String(error)}`);
  return error;
}

describe('store unavailable', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'baton-store-unavailable-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('a PostgreSQL nobody listens on is store_unavailable, names DATABASE_URL and hides the password', async () => {
    const error = await openError({ databaseUrl: 'postgres://baton:hunter2@127.0.0.1:1/baton', dataDir: folder, logger: silentLogger });
    expect(error.code).toBe('store_unavailable');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('Cannot reach PostgreSQL at 127.0.0.1:1/baton');
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('hunter2');
  });

  it('a database that does not exist is store_unavailable', async () => {
    const databaseUrl = 'postgres://postgres@127.0.0.1:5432/baton_no_such_database';
    const error = await openError({ databaseUrl, dataDir: folder, logger: silentLogger });
    expect(error).toMatchObject({ code: 'store_unavailable', message: expect.stringContaining('does not exist') });
  });

  it('an embedded data folder that cannot be created is store_unavailable naming BATON_DATA_DIR', async () => {
    const file = path.join(folder, 'a-file');
    await writeFile(file, 'not a folder');
    const error = await openError({ dataDir: path.join(file, 'data'), logger: silentLogger });
    expect(error).toMatchObject({ code: 'store_unavailable', message: expect.stringContaining('BATON_DATA_DIR') });
  });

  it('a schema name that is not a plain identifier is refused before connecting', async () => {
    const schema = 'x; DROP TABLE runs';
    const error = await openError({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', schema, dataDir: folder, logger: silentLogger });
    expect(error.code).toBe('config_invalid');
  });
});
