import { BatonError } from '../../src/errors/index.js';

/**
 * Every Baton queue lives under one BullMQ `prefix` (keys `<prefix>:<queue>:…`). Tests pass
 * their own, such as `test-events-1f3a`, so they never touch each other's or a real server's
 * jobs. BullMQ's prefix, not ioredis's `keyPrefix`, which BullMQ's Lua scripts do not honour.
 */
export const DEFAULT_QUEUE_PREFIX = 'baton';

export const QUEUE_NAMES = {
  /** Domain events (`lead.created`, …) waiting to be matched against triggers. */
  events: 'events',
  /** Jobs created by the job schedulers of configured schedules. */
  schedules: 'schedules',
  /** Agent steps of workflow runs. */
  steps: 'steps',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export function queuePrefix(prefix?: string): string {
  if (prefix === undefined) return DEFAULT_QUEUE_PREFIX;
  if (!/^[A-Za-z0-9{}_.-]+$/.test(prefix)) {
    throw new BatonError('config_invalid', `Queue prefix ${JSON.stringify(prefix)} must be letters, digits, "{}", "_", "." or "-".`);
  }
  return prefix;
}
