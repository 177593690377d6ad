import type { Worker } from 'bullmq';
import { startEventWorker, type EventWorker } from '../../queues/events/index.js';
import { startScheduleWorker, syncSchedules, type ScheduleWorker } from '../../queues/schedules/index.js';
import { createStepWorker } from '../../queues/steps/index.js';
import type { Logger } from '../logging/index.js';
import type { Settings } from '../settings/index.js';
import type { OpenedEngine } from './open-engine.js';

export interface WorkerSet {
  close(): Promise<void>;
}

export interface StartWorkersOptions {
  readonly opened: OpenedEngine;
  readonly settings: Settings;
  readonly logger: Logger;
  /** `serve` runs everything; `worker` runs only the step workers. */
  readonly role: 'serve' | 'worker' | 'inline';
  readonly stepWorkers?: number;
}

/** Approvals expire by a sweep, not by a timer per approval: a paused run holds nothing in memory. */
const SWEEP_INTERVAL_MS = 30_000;

/**
 * Starts what a process runs. Every role reconciles first (the store is the truth; Redis may
 * have lost jobs). `serve` adds the event and schedule workers, syncs the configured schedules
 * and sweeps expired approvals.
 */
export async function startWorkers(options: StartWorkersOptions): Promise<WorkerSet> {
  const { opened, settings, logger } = options;
  const reconciled = await opened.engine.reconcile();
  logger.info({ ...reconciled, role: options.role }, 'reconciled');
  const steps: Worker[] = Array.from({ length: options.stepWorkers ?? 1 }, () =>
    createStepWorker({
      connection: opened.redis,
      prefix: opened.prefix,
      engine: opened.engine,
      logger,
      concurrency: settings.queues.concurrency,
      lockDurationMs: settings.queues.lockDurationMs,
      stalledIntervalMs: settings.queues.stalledIntervalMs,
    }),
  );
  const extras = options.role === 'serve' ? await startServeExtras(options) : [];
  return {
    close: async () => {
      await Promise.all([...steps.map((worker) => worker.close()), ...extras.map((extra) => extra.close())]);
    },
  };
}

async function startServeExtras(options: StartWorkersOptions): Promise<{ close(): Promise<void> }[]> {
  const { opened, settings, logger } = options;
  const starter = { start: (workflow: string, input: unknown, startOptions: Parameters<typeof opened.engine.start>[2]) => opened.engine.start(workflow, input, startOptions) };
  const events: EventWorker = await startEventWorker({ connection: opened.redis, prefix: opened.prefix, settings: settings.queues, logger, triggers: settings.triggers, starter });
  await syncSchedules({ connection: opened.redis, prefix: opened.prefix, schedules: settings.schedules, logger });
  const schedules: ScheduleWorker = await startScheduleWorker({ connection: opened.redis, prefix: opened.prefix, settings: settings.queues, logger, starter });
  const sweep = async () => {
    try {
      const swept = await opened.engine.sweepExpiredApprovals();
      if (swept.escalated + swept.expired > 0) logger.info(swept, 'expired approvals settled');
    } catch (error) {
      logger.error({ err: error }, 'approval sweep failed');
    }
  };
  const sweeper = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  const stopSweeping = { close: () => { clearInterval(sweeper); return Promise.resolve(); } };
  return [events, schedules, stopSweeping];
}
