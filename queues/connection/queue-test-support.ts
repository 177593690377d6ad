import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logging/index.js';

/** Helpers for tests against the real Redis: a fresh prefix per file, bounded waits, captured logs. */

export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

export function uniqueQueuePrefix(label: string): string {
  return `test-${label}-${randomUUID().slice(0, 8)}`;
}

/** Polls `read` until it returns a value, failing with `what` after `timeoutMs`: no test waits forever. */
export async function waitFor<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface CapturedLogger {
  readonly logger: Logger;
  readonly lines: () => Record<string, unknown>[];
}

export function captureLogger(): CapturedLogger {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger: createLogger({ level: 'debug', destination }), lines };
}
