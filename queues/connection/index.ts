export { toJobFailure } from './job-failure.js';
export { DEFAULT_QUEUE_PREFIX, QUEUE_NAMES, queuePrefix, type QueueName } from './queue-names.js';
export { createRedisConnection, describeRedisUrl, redisUnavailable, type RedisConnectionOptions } from './redis-connection.js';
export { observeWorker, workerOptions, type WorkerConnectionOptions } from './worker-options.js';
