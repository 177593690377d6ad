import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

export interface DedicatedRedis {
  readonly url: string;
  /** Kills the server (SIGKILL: no goodbye to clients) and starts an empty one on the same port. */
  restart(options?: { readonly downMs?: number }): Promise<void>;
  /** Connected clients, not counting the one asking. */
  clientCount(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A redis-server of the suite's own on a free port, keeping nothing on disk, so restarting it is
 * safe while other test files use the shared server on 6379. A restart loses every key, as a
 * Redis without persistence does.
 */
export async function startDedicatedRedis(): Promise<DedicatedRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server = await launch(port);
  return {
    url,
    async restart(options = {}) {
      await kill(server);
      await new Promise((resolve) => setTimeout(resolve, options.downMs ?? 500));
      server = await launch(port);
    },
    async clientCount() {
      const redis = new Redis(url, { maxRetriesPerRequest: 1 });
      redis.on('error', () => undefined);
      try {
        const list = await redis.client('LIST');
        return String(list).trim().split('\n').filter((line) => line.length > 0).length - 1;
      } finally {
        redis.disconnect();
      }
    },
    stop: () => kill(server),
  };
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxclients', '1000', '--loglevel', 'warning'], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis(`redis://127.0.0.1:${port}`, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return child;
    } catch {
      probe.disconnect();
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
}
