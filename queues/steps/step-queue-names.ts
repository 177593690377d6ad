import { QUEUE_NAMES } from '../connection/queue-names.js';

/** One queue carries every agent step; job names are agent names so dashboards group by agent. */
export const STEP_QUEUE = QUEUE_NAMES.steps;
