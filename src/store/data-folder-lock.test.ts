import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataFolder } from './data-folder-lock.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-lock-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('lockDataFolder', () => {
  it('writes the owner pid and removes the file on release', async () => {
    const lock = await lockDataFolder(folder, 0);
    expect(await readFile(path.join(folder, 'baton.lock'), 'utf8')).toBe(String(process.pid));
    await lock.release();
    await expect(readFile(path.join(folder, 'baton.lock'))).rejects.toThrow();
  });

  it('refuses a second owner while the first is alive, naming it and the way out', async () => {
    const first = await lockDataFolder(folder, 0);
    await expect(lockDataFolder(folder, 200)).rejects.toThrow(new RegExp(`pid ${process.pid}.*DATABASE_URL`));
    await first.release();
  });

  it('waits for a live owner to finish', async () => {
    const first = await lockDataFolder(folder, 0);
    setTimeout(() => void first.release(), 150);
    const second = await lockDataFolder(folder, 2_000);
    await second.release();
  });

  it('takes over a lock left by a process that died', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    await writeFile(path.join(folder, 'baton.lock'), String(deadPid));
    const lock = await lockDataFolder(folder, 0);
    expect(await readFile(path.join(folder, 'baton.lock'), 'utf8')).toBe(String(process.pid));
    await lock.release();
  });
});
