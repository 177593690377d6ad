import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { captureIo } from '../support/capture-io.js';
import { deleteRedisKeys } from '../support/delete-redis-keys.js';
import { createTemporaryDatabase } from '../support/temporary-database.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * main.ts takes no queue prefix, so the child uses the default one ("baton"): a Redis logical
 * database of its own keeps it away from anything else on the server that uses that prefix.
 */
const REDIS_DATABASE = 14;
const REDIS_URL = `redis://127.0.0.1:6379/${REDIS_DATABASE}`;

let database: { url: string; drop: () => Promise<void> };
let folder: string;
let env: Record<string, string>;
beforeAll(async () => {
  database = await createTemporaryDatabase('t_cli_worker');
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-cli-worker-'));
  // serve synchronises schedules and runs triggers: give it one of each, on shipped workflows.
  const settings = {
    triggers: [{ event: 'reply.received', workflow: 'classify_reply', input: { reply: 'data.reply' } }],
    schedules: [{ id: 'morning-classify', cron: '0 6 * * 1-5', timeZone: 'America/New_York', workflow: 'classify_reply', input: { reply: { text: 'Interested, let us talk.' } } }],
  };
  await writeFile(path.join(folder, 'baton.config.json'), JSON.stringify(settings));
  env = { DATABASE_URL: database.url, REDIS_URL, BATON_MODEL: 'offline', BATON_CONFIG: path.join(folder, 'baton.config.json') };
});
afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  try {
    await deleteRedisKeys(redis, 'baton:*');
  } finally {
    await redis.quit();
  }
  await database.drop();
  await rm(folder, { recursive: true, force: true });
});

interface Child {
  readonly process: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startBaton(args: readonly string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env, BATON_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  return { process: child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function until<T>(what: string, read: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function cli(args: readonly string[]) {
  const io = captureIo();
  const status = await runCli(args, { io, env: { ...env, BATON_LOG_LEVEL: 'silent' } });
  return { status, out: io.out(), err: io.err() };
}

describe('baton worker as its own process', () => {
  it('runs the steps of a run started elsewhere, and on SIGTERM closes cleanly and exits 0', async () => {
    const worker = startBaton(['worker', '--workers', '2']);
    try {
      await until('the worker to start', () => (worker.stderr().includes('baton worker started') ? true : undefined), 20_000);

      const started = await cli(['run', 'classify_reply', '--input', 'examples/workflows/classify-reply.json', '--no-wait']);
      expect(started.status).toBe(0);
      const { runId } = JSON.parse(started.out) as { runId: string };
      const run = await until(
        'the worker to finish the run',
        async () => {
          const shown = JSON.parse((await cli(['runs', 'show', runId, '--json'])).out) as { status: string; output: unknown };
          return shown.status === 'succeeded' ? shown : undefined;
        },
        10_000,
      );
      expect(run.output).toMatchObject({ category: 'positive' });

      const stopping = Date.now();
      worker.process.kill('SIGTERM');
      const exit = await worker.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - stopping).toBeLessThan(5_000);
      expect(worker.stderr()).toContain('SIGTERM received: stopping the worker');
      expect(worker.stderr()).toContain('baton worker stopped');
      expect(worker.stdout()).toBe('');
    } finally {
      worker.process.kill('SIGKILL');
    }
  }, 40_000);

  it('baton serve starts its workers and schedules, and exits 0 on SIGINT', async () => {
    const server = startBaton(['serve']);
    try {
      await until('the server to start', () => (server.stderr().includes('baton serve started') ? true : undefined), 20_000);
      expect(server.stderr()).toContain('schedules synchronised with the settings file');
      server.process.kill('SIGINT');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.stderr()).toContain('baton serve stopped');
      expect(server.stdout()).toBe('');
    } finally {
      server.process.kill('SIGKILL');
    }
  }, 40_000);
});
