import { Redis } from 'ioredis';
import { BatonError } from '../../src/errors/index.js';
import type { Logger } from '../../src/logging/index.js';

export interface RedisConnectionOptions {
  /**
   * Workers hold blocking commands and must wait out a reconnect instead of failing them, so
   * BullMQ requires `maxRetriesPerRequest: null` there. Producers fail fast instead: a caller
   * publishing an event would rather get an error than hang while Redis is down.
   */
  readonly forWorker: boolean;
  readonly logger?: Logger;
  /** How long to wait for Redis to answer at start; short, so a missing Redis is reported at once. */
  readonly connectTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 2_000;

/**
 * Opens an ioredis connection and waits until Redis answers. The caller owns it: BullMQ
 * queues and workers given this instance share it and never close it, so close it last.
 */
export async function createRedisConnection(url: string, options: RedisConnectionOptions): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: options.forWorker ? null : 2,
    // After a lost connection, keep retrying with a capped backoff: Redis restarts are routine.
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });
  reportConnectionErrors(redis, url, options.logger);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw redisUnavailable(url, error);
  }
  return redis;
}

export function redisUnavailable(url: string, cause: unknown): BatonError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new BatonError(
    'store_unavailable',
    `Redis at ${describeRedisUrl(url)} did not answer (${reason}). Start it with \`redis-server --daemonize yes\`, ` +
      'or set REDIS_URL to a Redis that is running, such as redis://127.0.0.1:6379.',
    { cause, details: { redis: describeRedisUrl(url) } },
  );
}

/** The URL without its password, fit for messages and logs. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = 'redacted';
    return parsed.toString();
  } catch {
    return '(unparseable REDIS_URL)';
  }
}

/**
 * ioredis emits an error on every failed reconnect; one line per outage is enough. Without a
 * listener ioredis would print to the console, so one is attached even without a logger:
 * commands still fail, and callers see those.
 */
function reportConnectionErrors(redis: Redis, url: string, logger: Logger | undefined): void {
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger?.warn({ redis: describeRedisUrl(url), error: error.message }, 'Redis connection lost; reconnecting');
  });
  redis.on('ready', () => {
    if (down) logger?.info({ redis: describeRedisUrl(url) }, 'Redis connection restored');
    down = false;
  });
}
