import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Worker } from 'bullmq';
import { createAgentRunner, createPromptLibrary, type AgentRunner } from '../../agents/index.js';
import { loadConfig } from '../../src/config.js';
import type { RecordOwnerLookup } from '../../src/engine/approvals/record-owner.js';
import { createEngine, type Engine, type EngineOptions } from '../../src/engine/engine.js';
import type { StepEffect } from '../../src/engine/runtime/step-effects.js';
import type { WorkflowDefinition } from '../../src/engine/workflow/define-workflow.js';
import { createWorkflowCatalog } from '../../src/engine/workflow/workflow-catalog.js';
import { createLogger } from '../../src/logging/index.js';
import { createModelClient } from '../../src/model/model-client.js';
import { createOfflineTransport } from '../../src/model/offline-transport.js';
import type { ModelClient } from '../../src/model/model-types.js';
import { openStore, type RunDetail, type Store } from '../../src/store/index.js';
import { createBullStepQueue, createStepWorker, type BullStepQueue } from '../../queues/steps/index.js';
import { createTemporaryDatabase } from '../support/temporary-database.js';

export interface EngineHarness {
  readonly engine: Engine;
  readonly store: Store;
  readonly queue: BullStepQueue;
  readonly prefix: string;
  readonly redis: Redis;
  startWorker(concurrency?: number): Worker;
  /** Polls the store until the run reaches one of `statuses` (or fails the test after `timeoutMs`). */
  waitFor(runId: string, statuses: readonly string[], timeoutMs?: number): Promise<RunDetail>;
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<Pick<EngineOptions, 'policies' | 'breakers' | 'budgets' | 'models' | 'now' | 'maxStepsPerRun'>> {
  readonly workflows: readonly WorkflowDefinition[];
  /** Defaults to offline mode's simulator. */
  readonly model?: ModelClient;
  /** Step effects bound to this harness's store (the CRM's change sets). */
  readonly effectsFor?: (store: Store) => Readonly<Record<string, StepEffect>>;
  /** Record owners for approvals, found through this harness's store (the embedded CRM). */
  readonly recordOwnersFor?: (store: Store) => RecordOwnerLookup | undefined;
}

/** The engine on the real PostgreSQL server and real Redis, each test file in its own database and queue prefix. */
export async function createEngineHarness(options: HarnessOptions): Promise<EngineHarness> {
  const database = await createTemporaryDatabase('t_engine');
  const logger = createLogger({ level: 'silent' });
  const config = loadConfig({ BATON_MODEL: 'offline' });
  const store = await openStore({ databaseUrl: database.url, dataDir: '', logger });
  const prefix = `test-engine-${randomBytes(4).toString('hex')}`;
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const queue = createBullStepQueue({ connection: redis, prefix });
  const model = options.model ?? createModelClient({ config: config.model, transport: createOfflineTransport(), logger });
  const runner: AgentRunner = createAgentRunner({ model, prompts: createPromptLibrary(config.promptsDir), logger });
  const effects = options.effectsFor?.(store) ?? {};
  const recordOwners = options.recordOwnersFor?.(store);
  const engine = createEngine({ ...options, sql: store.sql, queue, workflows: createWorkflowCatalog(options.workflows), runner, logger, effects, ...(recordOwners === undefined ? {} : { recordOwners }) });
  const workers: Worker[] = [];
  return {
    engine,
    store,
    queue,
    prefix,
    redis,
    startWorker(concurrency = 4) {
      const worker = createStepWorker({ connection: redis.duplicate(), prefix, engine, logger, concurrency, lockDurationMs: 5_000, stalledIntervalMs: 1_000 });
      workers.push(worker);
      return worker;
    },
    async waitFor(runId, statuses, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const run = await engine.getRun(runId);
        if (statuses.includes(run.status)) return run;
        if (Date.now() > deadline) throw new Error(`run ${runId} is ${run.status}, not ${statuses.join('|')}, after ${timeoutMs} ms: ${JSON.stringify(run.events.map((event) => [event.type, event.step]))}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await queue.queue.obliterate({ force: true });
      await queue.close();
      await redis.quit();
      await store.close();
      await database.drop();
    },
  };
}
