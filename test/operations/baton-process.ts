import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { waitUntil } from '../engine/wait-until.js';

export interface BatonProcess {
  readonly child: ChildProcess;
  /** Everything written to stderr so far (pino's JSON lines and the CLI's own messages). */
  stderr(): string;
  /** The `baton serve` HTTP address from its startup log line. */
  url(): string;
  /** Resolves with how the process ended. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
  kill(): Promise<void>;
}

/**
 * `baton <args>` as a real process through the CLI's entry point, as an operator or a container
 * runs it; ready once it logs that it started.
 */
export async function startBatonProcess(args: readonly string[], env: Readonly<Record<string, string>>): Promise<BatonProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, BATON_LOG_LEVEL: 'info', ...env },
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  await waitUntil(
    `baton ${args.join(' ')} to start`,
    () => {
      if (ended) throw new Error(`baton ${args.join(' ')} exited before it started:\n${errors}`);
      return errors.includes('started; stop with Ctrl-C or SIGTERM') ? true : undefined;
    },
    30_000,
  );
  return {
    child,
    stderr: () => errors,
    exited,
    url: () => {
      const line = errors.split('\n').find((entry) => entry.includes('"HTTP server listening"'));
      const url = line === undefined ? undefined : (JSON.parse(line) as { url?: string }).url;
      if (url === undefined) throw new Error(`no HTTP address in the log:\n${errors}`);
      return url;
    },
    kill: async () => {
      if (!ended) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
