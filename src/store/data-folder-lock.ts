import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { BatonError } from '../errors/index.js';

export interface DataFolderLock {
  release(): Promise<void>;
}

const LOCK_FILE = 'baton.lock';
const WAIT_STEP_MS = 100;

/**
 * PGlite does nothing to stop two processes opening one data folder, and two writers corrupt it.
 * A lock file holding the owner's pid keeps it to one process at a time; a lock left by a dead
 * process is taken over. Waits up to `waitMs` for a live owner (a CLI command finishing) first.
 */
export async function lockDataFolder(folder: string, waitMs: number): Promise<DataFolderLock> {
  const file = path.join(folder, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await tryCreate(file)) return { release: () => rm(file, { force: true }) };
    const owner = await readOwner(file);
    if (owner !== undefined && !isAlive(owner)) {
      await rm(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new BatonError(
        'store_unavailable',
        `Another Baton process (pid ${owner ?? 'unknown'}) is using the embedded database in ${folder}. Wait for it to finish, or set DATABASE_URL to share a PostgreSQL server between processes.`,
        { details: { folder, owner } },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

async function tryCreate(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readOwner(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
