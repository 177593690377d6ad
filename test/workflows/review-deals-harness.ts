import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createAgentCatalog } from '../../agents/agent-catalog.js';
import { loadBuiltInAgents } from '../../agents/built-in-agents.js';
import { reviewDealsWorkflow } from '../../agents/workflows/review-deals.js';
import { createEmbeddedCrm, type EmbeddedCrm } from '../../crm/embedded/index.js';
import { seedCrm } from '../../crm/seed/index.js';
import { QUEUE_NAMES } from '../../queues/connection/index.js';
import { createEventBus, type EventBus } from '../../queues/events/index.js';
import { ALERT_REQUESTED, AlertRequestedEventSchema, type AlertRequestedEvent } from '../../src/contracts/alert-request.js';
import { loadConfig } from '../../src/config.js';
import type { StepEffect } from '../../src/engine/runtime/step-effects.js';
import type { WorkflowDefinition } from '../../src/engine/workflow/define-workflow.js';
import { createLogger } from '../../src/logging/index.js';
import { createAlertEffects } from '../../src/main/alert-effects.js';
import { createOpenPipelineEffect } from '../../src/main/open-pipeline-effect.js';
import { createEngineHarness, type EngineHarness } from '../engine/engine-harness.js';
import { deleteRedisKeys } from '../support/delete-redis-keys.js';

/** 06:00 in New York on the review day: the seed's dates are relative to it. */
export const REVIEW_NOW = new Date('2026-11-20T11:00:00Z');
export const REVIEW_INPUT = { timeZone: 'America/New_York', stalledAfterDays: 30, rollupChannel: 'sales-leadership', compAuditChannel: 'deal-desk' };

export interface PublishedAlert {
  readonly id: string | undefined;
  readonly traceId: string;
  readonly alert: AlertRequestedEvent;
}

export interface ReviewDealsHarness {
  readonly harness: EngineHarness;
  readonly workflow: WorkflowDefinition;
  readonly crm: EmbeddedCrm;
  /** The effects the engine runs, bound to this harness's CRM and event bus. */
  readonly effects: Readonly<Record<string, StepEffect>>;
  /** Every `alert.requested` event on the bus so far (nothing consumes them here). */
  alertEvents(): Promise<PublishedAlert[]>;
  close(): Promise<void>;
}

/**
 * The shipped review_deals workflow on the engine (real PostgreSQL, Redis and BullMQ), with the
 * embedded CRM seeded with the sample book as of REVIEW_NOW and alerts published on a real bus.
 */
export async function startReviewDealsHarness(): Promise<ReviewDealsHarness> {
  const logger = createLogger({ level: 'silent' });
  const agents = createAgentCatalog(await loadBuiltInAgents(loadConfig({ BATON_MODEL: 'offline' }).promptsDir));
  const workflow = reviewDealsWorkflow(agents);
  const busPrefix = `test-review-deals-events-${randomBytes(4).toString('hex')}`;
  const busRedis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const bus: EventBus = createEventBus({ connection: busRedis, prefix: busPrefix, logger });
  let crm: EmbeddedCrm | undefined;
  let effects: Readonly<Record<string, StepEffect>> = {};
  const harness = await createEngineHarness({
    workflows: [workflow],
    effectsFor: (store) => {
      crm = createEmbeddedCrm({ sql: store.sql });
      effects = { ...createOpenPipelineEffect(crm, { now: () => REVIEW_NOW }), ...createAlertEffects(bus) };
      return effects;
    },
  });
  if (crm === undefined) throw new Error('the harness did not bind the effects');
  await seedCrm(crm, { today: REVIEW_NOW });
  harness.startWorker();
  return {
    harness,
    workflow,
    crm,
    effects,
    async alertEvents() {
      const queue = new Queue(QUEUE_NAMES.events, { connection: busRedis, prefix: busPrefix });
      try {
        const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
        return jobs
          .filter((job) => job.name === ALERT_REQUESTED)
          .map((job) => {
            const event = job.data as { traceId: string; data: unknown };
            return { id: job.id, traceId: event.traceId, alert: AlertRequestedEventSchema.parse(event.data) };
          });
      } finally {
        await queue.close();
      }
    },
    async close() {
      await harness.close();
      await bus.close();
      await deleteRedisKeys(busRedis, `${busPrefix}:*`);
      await busRedis.quit();
    },
  };
}
