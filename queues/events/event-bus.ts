import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { BatonError, formatZodIssues } from '../../src/errors/index.js';
import { DomainEventSchema, type DomainEvent, type DomainEventInput } from '../../src/engine/triggers/index.js';
import type { Logger } from '../../src/logging/index.js';
import { QUEUE_NAMES, queuePrefix } from '../connection/index.js';
import type { EventOutcome } from './handle-event.js';

export interface EventBusOptions {
  /** From createRedisConnection; the bus shares it and leaves closing it to the caller. */
  readonly connection: Redis;
  readonly prefix?: string;
  readonly logger: Logger;
}

export interface EventBus {
  /**
   * Validates and enqueues `event`; returns its id. Publishing an id again is a no-op. With
   * `deliverAt`, the event waits in Redis as a delayed job until then (a follow-up weeks away).
   */
  publish(event: DomainEventInput, options?: { readonly deliverAt?: Date }): Promise<string>;
  close(): Promise<void>;
}

/**
 * Completed event jobs are kept a day because the job id is the event id: while the job
 * exists, BullMQ ignores a re-published event. Past that window the engine's idempotency key
 * (`event:<id>:<trigger>`) still prevents a second run. Failed jobs stay a week for inspection.
 */
const EVENT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 60 * 60 },
  removeOnFail: { age: 7 * 24 * 60 * 60 },
} as const;

export function createEventBus(options: EventBusOptions): EventBus {
  const queue = new Queue<DomainEvent, EventOutcome>(QUEUE_NAMES.events, {
    connection: options.connection,
    prefix: queuePrefix(options.prefix),
    defaultJobOptions: EVENT_JOB_OPTIONS,
  });
  const logger = options.logger.child({ queue: QUEUE_NAMES.events });
  queue.on('error', (error) => {
    logger.error({ error: error.message }, 'event queue error');
  });
  return {
    async publish(input, publishOptions) {
      const event = parseEvent(input);
      const delay = publishOptions?.deliverAt === undefined ? 0 : Math.max(0, publishOptions.deliverAt.getTime() - Date.now());
      await queue.add(event.type, event, { jobId: event.id, ...(delay > 0 ? { delay } : {}) });
      logger.debug({ eventId: event.id, eventType: event.type }, 'event published');
      return event.id;
    },
    close: () => queue.close(),
  };
}

function parseEvent(input: DomainEventInput): DomainEvent {
  const parsed = DomainEventSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new BatonError('input_invalid', `Event is invalid: ${formatZodIssues(parsed.error.issues, 'event')}`, {
    cause: parsed.error,
  });
}
