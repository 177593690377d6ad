import type { Redis } from 'ioredis';
import type { AgentRunner } from '../../agents/index.js';
import { createRedisConnection } from '../../queues/connection/index.js';
import { createEventBus, type EventBus } from '../../queues/events/index.js';
import { listSchedules, type ScheduleInfo } from '../../queues/schedules/index.js';
import { createBullStepQueue, type BullStepQueue } from '../../queues/steps/index.js';
import type { Config } from '../config.js';
import type { RecordOwnerLookup } from '../engine/approvals/record-owner.js';
import { createCircuitBreakers, type CircuitBreakers } from '../engine/breakers/index.js';
import { createBudgets } from '../engine/budgets/index.js';
import { createEngine, type Engine } from '../engine/engine.js';
import type { StepEffect } from '../engine/runtime/step-effects.js';
import type { WorkflowCatalog } from '../engine/workflow/workflow-catalog.js';
import type { Logger } from '../logging/index.js';
import type { Settings } from '../settings/index.js';
import type { Store } from '../store/index.js';

export interface OpenedEngine {
  readonly engine: Engine;
  readonly redis: Redis;
  readonly queue: BullStepQueue;
  readonly events: EventBus;
  readonly breakers: CircuitBreakers;
  readonly prefix: string;
  /** Configured schedules as BullMQ knows them, with their next run. */
  schedules(): Promise<ScheduleInfo[]>;
  close(): Promise<void>;
}

export interface OpenEngineOptions {
  readonly config: Config;
  readonly settings: Settings;
  readonly store: Store;
  readonly workflows: WorkflowCatalog;
  readonly runner: AgentRunner;
  readonly logger: Logger;
  /** BullMQ's key prefix; tests pass their own. */
  readonly prefix?: string;
  /** Steps run by named effects (the CRM's change sets, alerts), given the event bus this engine publishes on. */
  readonly effects?: (ports: { readonly events: EventBus }) => Readonly<Record<string, StepEffect>>;
  /** Finds the owner of the record an approval is about (src/main/slack-record-owners.ts). */
  readonly recordOwners?: RecordOwnerLookup | undefined;
}

/** The engine with its queue, breakers, budgets and event bus, all on one Redis. */
export async function openEngine(options: OpenEngineOptions): Promise<OpenedEngine> {
  const { config, settings, store, logger } = options;
  const prefix = options.prefix ?? 'baton';
  const redis = await createRedisConnection(config.redisUrl, { forWorker: true, logger });
  const queue = createBullStepQueue({ connection: redis, prefix });
  const events = createEventBus({ connection: redis, prefix, logger });
  const breakers = createCircuitBreakers({
    redis,
    prefix: `${prefix}:breakers:`,
    settings: settings.breakers,
    onOpened: (state) => {
      logger.error({ breaker: state.name, retryAt: state.retryAt }, 'circuit breaker opened; work for it is held');
      events.publish({ type: 'breaker.opened', data: state }).catch((error: unknown) => { logger.error({ err: error }, 'breaker.opened event not published'); });
    },
    onClosed: (state) => {
      logger.info({ breaker: state.name }, 'circuit breaker closed; its work flows again');
      events.publish({ type: 'breaker.closed', data: state }).catch((error: unknown) => { logger.error({ err: error }, 'breaker.closed event not published'); });
    },
  });
  const budgets = createBudgets({
    redis,
    prefix: `${prefix}:budgets:`,
    settings: settings.budgets,
    loadRunSpend: async (runId) => {
      const { rows } = await store.sql.query<{ cost: string | number; steps: string | number }>('SELECT coalesce(sum(cost_usd), 0) AS cost, count(*) AS steps FROM steps WHERE run_id = $1', [runId]);
      return { costUsd: Number(rows[0]?.cost ?? 0), steps: Number(rows[0]?.steps ?? 0) };
    },
    loadDaySpend: async (dayStart) => {
      const { rows } = await store.sql.query<{ cost: string | number }>('SELECT coalesce(sum(cost_usd), 0) AS cost FROM steps WHERE finished_at >= $1::timestamptz', [dayStart]);
      return Number(rows[0]?.cost ?? 0);
    },
  });
  const engine = createEngine({
    sql: store.sql,
    queue,
    workflows: options.workflows,
    runner: options.runner,
    logger,
    policies: settings.reviewPolicies,
    defaultPolicy: settings.defaultReviewPolicy,
    maxStepsPerRun: settings.budgets.maxStepsPerRun,
    inputDefaults: settings.workflowDefaults,
    breakers,
    budgets,
    models: { tiers: config.model.tiers, prices: config.model.prices },
    ...(options.effects === undefined ? {} : { effects: options.effects({ events }) }),
    ...(options.recordOwners === undefined ? {} : { recordOwners: options.recordOwners }),
  });
  return {
    engine,
    redis,
    queue,
    events,
    breakers,
    prefix,
    schedules: () => listSchedules({ connection: redis, prefix }),
    close: async () => {
      await events.close();
      await queue.close();
      await redis.quit();
    },
  };
}
