import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAMES } from '../../queues/connection/index.js';
import { TEST_REDIS_URL } from '../../queues/connection/queue-test-support.js';
import { SLACK_QUEUE } from '../../src/main/slack-work-queue.js';
import { deleteRedisKeys } from './delete-redis-keys.js';

/** Removes every queue a Baton process may have made under `prefix` (jobs, schedulers, events), then any key left under it. */
export async function clearQueues(prefix: string, redisUrl = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  try {
    for (const name of [...Object.values(QUEUE_NAMES), SLACK_QUEUE]) {
      const queue = new Queue(name, { connection: redis, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await deleteRedisKeys(redis, `${prefix}:*`);
  } finally {
    await redis.quit();
  }
}
