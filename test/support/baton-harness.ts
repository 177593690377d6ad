import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { QUEUE_NAMES } from '../../queues/connection/index.js';
import { uniqueQueuePrefix } from '../../queues/connection/queue-test-support.js';
import type { DomainEvent } from '../../src/engine/triggers/index.js';
import { createBaton, type Baton } from '../../src/main/create-baton.js';
import type { OpenedCrm } from '../../src/main/open-crm.js';
import type { OpenedEngine } from '../../src/main/open-engine.js';
import { startWorkers, type WorkerSet } from '../../src/main/start-workers.js';
import type { RunDetail } from '../../src/store/index.js';
import { clearQueues } from './clear-queues.js';
import { createTemporaryDatabase } from './temporary-database.js';

export interface BatonHarness {
  readonly baton: Baton;
  readonly opened: OpenedEngine;
  readonly crm: OpenedCrm;
  readonly prefix: string;
  /** Polls until the run reaches one of `statuses`; fails with the run's events after `timeoutMs`. */
  waitFor(runId: string, statuses: readonly string[], timeoutMs?: number): Promise<RunDetail>;
  /** Events published on the bus (no event worker runs here, so they stay queued), delayed ones included. */
  publishedEvents(type?: string): Promise<{ event: DomainEvent; delayMs: number }[]>;
  close(): Promise<void>;
}

export interface BatonHarnessOptions {
  readonly label: string;
  readonly settings?: unknown;
  readonly stepWorkers?: number;
  /** Extra environment, e.g. ANTHROPIC_BASE_URL pointing at the fake Messages API. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Baton as `baton serve` composes it (real effects, the seeded embedded CRM, governance from
 * settings), on the real PostgreSQL (a database per file) and Redis (a prefix per file), with
 * in-process step workers and no event worker.
 */
export async function createBatonHarness(options: BatonHarnessOptions): Promise<BatonHarness> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `baton-${options.label}-`));
  const database = await createTemporaryDatabase(`t_${options.label.replaceAll('-', '_')}`);
  const prefix = uniqueQueuePrefix(options.label);
  const settingsFile = path.join(folder, 'baton.config.json');
  await writeFile(settingsFile, JSON.stringify(options.settings ?? {}));
  const baton = await createBaton({ env: { DATABASE_URL: database.url, BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent', BATON_CONFIG: settingsFile, ...options.env }, queuePrefix: prefix });
  const crm = await baton.crm();
  await crm.seed();
  const opened = await baton.engine();
  const workers: WorkerSet = await startWorkers({ opened, settings: baton.settings, logger: baton.logger, role: 'inline', stepWorkers: options.stepWorkers ?? 1 });
  const events = new Queue(QUEUE_NAMES.events, { connection: opened.redis, prefix });
  return {
    baton,
    opened,
    crm,
    prefix,
    async waitFor(runId, statuses, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const run = await opened.engine.getRun(runId);
        if (statuses.includes(run.status)) return run;
        if (Date.now() > deadline) throw new Error(`run ${runId} is ${run.status}, not ${statuses.join('|')}, after ${timeoutMs} ms: ${JSON.stringify(run.events.map((event) => [event.type, event.step]))}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async publishedEvents(type) {
      const jobs = await events.getJobs(['waiting', 'delayed', 'completed', 'failed', 'active', 'prioritized']);
      return jobs
        .filter((job) => type === undefined || job.name === type)
        .map((job) => ({ event: job.data as DomainEvent, delayMs: job.opts.delay ?? 0 }));
    },
    async close() {
      await workers.close();
      await events.close();
      await baton.close();
      await clearQueues(prefix);
      await database.drop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
