import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/errors/index.js';
import { QUEUE_NAMES, queuePrefix } from './queue-names.js';
import { createRedisConnection, describeRedisUrl } from './redis-connection.js';
import { workerOptions } from './worker-options.js';

const REDIS_URL = 'redis://127.0.0.1:6379';

describe('createRedisConnection', () => {
  it('connects, with retries off for workers and bounded for producers', async () => {
    const worker = await createRedisConnection(REDIS_URL, { forWorker: true });
    const producer = await createRedisConnection(REDIS_URL, { forWorker: false });
    try {
      expect(await worker.ping()).toBe('PONG');
      expect(worker.options.maxRetriesPerRequest).toBeNull();
      expect(producer.options.maxRetriesPerRequest).toBe(2);
    } finally {
      await Promise.all([worker.quit(), producer.quit()]);
    }
  });

  it('says how to start Redis when nothing answers, without echoing the password', async () => {
    const started = Date.now();
    const error = await createRedisConnection('redis://:hunter2secret@127.0.0.1:1', { forWorker: true, connectTimeoutMs: 500 }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(BatonError);
    const failure = error as BatonError;
    expect(failure.code).toBe('store_unavailable');
    expect(failure.message).toContain('redis-server --daemonize yes');
    expect(failure.message).toContain('REDIS_URL');
    expect(failure.message).not.toContain('hunter2secret');
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('queue conventions', () => {
  it('puts every queue under one prefix, baton unless a test chooses its own', () => {
    expect(queuePrefix()).toBe('baton');
    expect(queuePrefix('test-events-1f3a')).toBe('test-events-1f3a');
    expect(() => queuePrefix('has space')).toThrow(BatonError);
    expect(QUEUE_NAMES).toEqual({ events: 'events', schedules: 'schedules', steps: 'steps' });
  });

  it('refuses to build a worker on a connection made for producers', async () => {
    const producer = await createRedisConnection(REDIS_URL, { forWorker: false });
    try {
      expect(() => workerOptions({ connection: producer })).toThrow(/forWorker: true/);
    } finally {
      await producer.quit();
    }
  });

  it('hides passwords in URLs it shows', () => {
    expect(describeRedisUrl('redis://user:pw@example.test:6380/2')).toBe('redis://user:redacted@example.test:6380/2');
  });
});
