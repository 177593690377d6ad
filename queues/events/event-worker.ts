import { Worker } from 'bullmq';
import type { Trigger, WorkflowStarter } from '../../src/engine/triggers/index.js';
import type { Logger } from '../../src/logging/index.js';
import { observeWorker, QUEUE_NAMES, toJobFailure, workerOptions, type WorkerConnectionOptions } from '../connection/index.js';
import { handleEvent, type EventObserver, type EventOutcome } from './handle-event.js';

export interface EventWorkerOptions extends WorkerConnectionOptions {
  readonly logger: Logger;
  /** The `triggers` section of the settings file. */
  readonly triggers: readonly Trigger[];
  readonly starter: WorkflowStarter;
  readonly observers?: readonly EventObserver[];
}

export interface EventWorker {
  /** Stops taking events and waits for those in hand. */
  close(): Promise<void>;
}

/** Consumes the event queue; resolves once the worker is connected and taking jobs. */
export async function startEventWorker(options: EventWorkerOptions): Promise<EventWorker> {
  const logger = options.logger.child({ queue: QUEUE_NAMES.events });
  const context = { triggers: options.triggers, starter: options.starter, logger, ...(options.observers === undefined ? {} : { observers: options.observers }) };
  const worker = new Worker<unknown, EventOutcome>(
    QUEUE_NAMES.events,
    async (job) => {
      try {
        return await handleEvent(job.data, context);
      } catch (error) {
        throw toJobFailure(error);
      }
    },
    workerOptions(options),
  );
  observeWorker(worker, logger);
  await worker.waitUntilReady();
  return { close: () => worker.close() };
}
