/** One queue carries every agent step; job names are agent names so dashboards group by agent. */
export const STEP_QUEUE = 'steps';

/** BullMQ's key prefix: every Baton key in Redis starts with it, and tests use their own. */
export const DEFAULT_QUEUE_PREFIX = 'baton';
