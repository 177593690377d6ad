import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createAgentCatalog, loadBuiltInAgents } from '../../agents/index.js';
import type { NewLead } from '../../agents/lead-enricher/lead-schemas.js';
import { processNewLeadWorkflow } from '../../agents/workflows/process-new-lead.js';
import type { CrmRecord } from '../../crm/adapter/index.js';
import { createChangeSets, type ChangeSets } from '../../crm/change-sets/index.js';
import { createEmbeddedCrm, type EmbeddedCrm } from '../../crm/embedded/index.js';
import { seedCrm } from '../../crm/seed/index.js';
import { QUEUE_NAMES, queuePrefix } from '../../queues/connection/index.js';
import { createEventBus, type EventBus } from '../../queues/events/index.js';
import { loadConfig } from '../../src/config.js';
import type { AlertRequestedEvent } from '../../src/contracts/alert-request.js';
import type { DomainEvent } from '../../src/engine/triggers/index.js';
import { createLogger } from '../../src/logging/index.js';
import { createAlertEffects } from '../../src/main/alert-effects.js';
import { createCrmEffects } from '../../src/main/crm-effects.js';
import { createRepRosterEffect } from '../../src/main/rep-roster-effect.js';
import { GovernanceSettingsSchema } from '../../src/settings/index.js';
import { createEngineHarness, type EngineHarness } from '../engine/engine-harness.js';
import { deleteRedisKeys } from '../support/delete-redis-keys.js';

export interface NewLeadHarness {
  readonly engine: EngineHarness;
  readonly crm: EmbeddedCrm;
  readonly changeSets: ChangeSets;
  readonly bus: EventBus;
  /** The events queue's connection and prefix, for an event worker. */
  readonly events: { readonly connection: Redis; readonly prefix: string };
  /** Every `alert.requested` event on the bus, as published. */
  alertEvents(): Promise<AlertRequestedEvent[]>;
  close(): Promise<void>;
}

/**
 * process_new_lead on the engine harness (PostgreSQL, Redis, BullMQ) with its real effects:
 * the seeded embedded CRM under the shipped governance defaults, and an event bus of its own.
 */
export async function createNewLeadHarness(): Promise<NewLeadHarness> {
  const logger = createLogger({ level: 'silent' });
  const agents = createAgentCatalog(await loadBuiltInAgents(loadConfig({}).promptsDir));
  const connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const prefix = `test-new-lead-${randomBytes(4).toString('hex')}`;
  const bus = createEventBus({ connection, prefix, logger });
  let crm: EmbeddedCrm | undefined;
  let changeSets: ChangeSets | undefined;
  const engine = await createEngineHarness({
    workflows: [processNewLeadWorkflow(agents)],
    effectsFor: (store) => {
      crm = createEmbeddedCrm({ sql: store.sql });
      changeSets = createChangeSets({ sql: store.sql, crm, settings: GovernanceSettingsSchema.parse({}), logger });
      return { ...createCrmEffects(changeSets), ...createRepRosterEffect(crm), ...createAlertEffects(bus) };
    },
  });
  if (crm === undefined || changeSets === undefined) throw new Error('the harness did not bind the CRM effects');
  await seedCrm(crm);
  const queue = new Queue<DomainEvent>(QUEUE_NAMES.events, { connection, prefix: queuePrefix(prefix) });
  return {
    engine,
    crm,
    changeSets,
    bus,
    events: { connection, prefix },
    async alertEvents() {
      const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed']);
      return jobs.filter((job) => job.data.type === 'alert.requested').map((job) => job.data.data as AlertRequestedEvent);
    },
    async close() {
      await queue.close();
      await bus.close();
      await deleteRedisKeys(connection, `${queuePrefix(prefix)}:*`);
      await connection.quit();
      await engine.close();
    },
  };
}

/** A seeded lead record as `lead.created` carries it. */
export function leadFromRecord(record: CrmRecord): NewLead {
  const text = (field: string) => {
    const value = record.fields[field];
    return typeof value === 'string' ? value : undefined;
  };
  const employees = record.fields['NumberOfEmployees'];
  const lead = {
    id: record.id,
    firstName: text('FirstName'),
    lastName: text('LastName') ?? 'Unknown',
    email: text('Email'),
    company: text('Company') ?? 'Unknown',
    website: text('Website'),
    title: text('Title'),
    industry: text('Industry'),
    numberOfEmployees: typeof employees === 'number' ? employees : undefined,
    country: text('Country'),
    leadSource: text('LeadSource'),
    status: text('Status'),
    ownerId: text('OwnerId'),
  };
  return Object.fromEntries(Object.entries(lead).filter(([, value]) => value !== undefined)) as NewLead;
}
