import { startEventWorker, type EventWorker } from '../../queues/events/index.js';
import { startScheduleWorker, syncSchedules, type ScheduleWorker } from '../../queues/schedules/index.js';
import { createStepWorker } from '../../queues/steps/index.js';
import type { Logger } from '../logging/index.js';
import type { Settings } from '../settings/index.js';
import type { OpenedEngine } from './open-engine.js';
import { drainWorkers, trackActiveJobs, type DrainOutcome } from './ops-drain.js';
import type { StepTracing } from './tracing-steps.js';
import { slackEventObserver } from './slack-event-relay.js';

export interface WorkerSet {
  /** Stops taking jobs; in-flight steps get `deadlineMs` (default: wait for them) before they are handed back to the queue. */
  close(options?: { readonly deadlineMs?: number }): Promise<DrainOutcome>;
}

export interface StartWorkersOptions {
  readonly opened: OpenedEngine;
  readonly settings: Settings;
  readonly logger: Logger;
  /** `serve` runs everything; `worker` runs only the step workers. */
  readonly role: 'serve' | 'worker' | 'inline';
  readonly stepWorkers?: number;
  /** Spans per step and run to an OTLP collector; absent unless configured. */
  readonly tracing?: StepTracing;
}

/** How often `baton serve` checks the store against the queue while it runs. */
const RECONCILE_INTERVAL_MS = 60_000;

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
  const steps = Array.from({ length: options.stepWorkers ?? 1 }, () =>
    trackActiveJobs(createStepWorker({
      connection: opened.redis,
      prefix: opened.prefix,
      engine: options.tracing?.wrap(opened.engine) ?? opened.engine,
      logger,
      concurrency: settings.queues.concurrency,
      lockDurationMs: settings.queues.lockDurationMs,
      stalledIntervalMs: settings.queues.stalledIntervalMs,
    })),
  );
  const extras = options.role === 'serve' ? await startServeExtras(options) : [];
  return {
    close: async (closeOptions = {}) => {
      const [drained] = await Promise.all([drainWorkers(steps, closeOptions.deadlineMs ?? Number.POSITIVE_INFINITY, logger), ...extras.map((extra) => extra.close())]);
      return drained;
    },
  };
}

async function startServeExtras(options: StartWorkersOptions): Promise<{ close(): Promise<void> }[]> {
  const { opened, settings, logger } = options;
  const starter = { start: (workflow: string, input: unknown, startOptions: Parameters<typeof opened.engine.start>[2]) => opened.engine.start(workflow, input, startOptions) };
  const events: EventWorker = await startEventWorker({ connection: opened.redis, prefix: opened.prefix, settings: settings.queues, logger, triggers: settings.triggers, starter, observers: [slackEventObserver(opened)] });
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
  return [events, schedules, stopSweeping, keepReconciling(opened, logger)];
}

/**
 * Redis can lose jobs while Baton runs (a restart without persistence, a failover): the store
 * still has every pending step. `serve` reconciles every minute and as soon as Redis is back,
 * so lost work resumes without a worker restart; a job that still exists is never added twice.
 */
function keepReconciling(opened: StartWorkersOptions['opened'], logger: Logger): { close(): Promise<void> } {
  let running: Promise<void> | undefined;
  const reconcile = () => {
    running ??= opened.engine
      .reconcile()
      .then(() => undefined)
      .catch((error: unknown) => {
        logger.error({ err: error }, 'reconcile failed; the next one retries');
      })
      .finally(() => {
        running = undefined;
      });
  };
  let lostConnection = false;
  const onClose = () => {
    lostConnection = true;
  };
  // Only a reconnection after a loss: the first 'ready' came before this process reconciled at start.
  const onReady = () => {
    if (!lostConnection) return;
    lostConnection = false;
    reconcile();
  };
  opened.redis.on('close', onClose);
  opened.redis.on('ready', onReady);
  const timer = setInterval(reconcile, RECONCILE_INTERVAL_MS);
  return {
    close: async () => {
      clearInterval(timer);
      opened.redis.off('close', onClose);
      opened.redis.off('ready', onReady);
      await running;
    },
  };
}
