import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createChangeSets, type ChangeSets } from '../../crm/change-sets/index.js';
import { createEmbeddedCrm, type EmbeddedCrm } from '../../crm/embedded/index.js';
import type { GovernanceSettingsInput } from '../../crm/governance/index.js';
import { seedCrm } from '../../crm/seed/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { silentLogger, type StoreBackendFixture } from '../store/store-backends.js';

/** Records of the sample book the tests write to. */
export const LEAD = { type: 'Lead', id: '00QBt0000000000001' } as const;
export const ACCOUNT = { type: 'Account', id: '001Bt0000000000001' } as const;
export const HELD_ACCOUNT = { type: 'Account', id: '001Bt0000000000021' } as const;
export const TODAY = new Date('2025-06-02T09:00:00.000Z');

export const TEST_GOVERNANCE: GovernanceSettingsInput = {
  confidenceThreshold: 0.8,
  maxWritesPerRecordPerHour: 3,
  agentPriority: { researcher: 1, enricher: 5 },
  allowedFields: {
    researcher: { Account: ['Industry', 'NumberOfEmployees', 'Website'], Contact: ['Title'], Lead: ['Title', 'Status', 'NumberOfEmployees'] },
    enricher: { Account: ['Industry', 'NumberOfEmployees'], Contact: ['Title'], Lead: ['Title'] },
  },
};

export interface CrmWorld {
  store: Store;
  crm: EmbeddedCrm;
  changeSets: ChangeSets;
  /** The clock every part reads; tests move it forward. */
  now: Date;
  advance(milliseconds: number): void;
}

/** A store on one backend with the sample book, a clock the test controls, and change sets over the embedded CRM; reset before each test. */
export function useCrmWorld(backend: StoreBackendFixture): CrmWorld {
  const world = { now: TODAY } as CrmWorld;
  world.advance = (milliseconds) => {
    world.now = new Date(world.now.getTime() + milliseconds);
  };
  const clock = () => world.now;
  beforeAll(async () => {
    await backend.setUp();
    world.store = await openStore(backend.storeOptions());
    world.crm = createEmbeddedCrm({ sql: world.store.sql, clock });
    world.changeSets = createChangeSets({ sql: world.store.sql, crm: world.crm, settings: TEST_GOVERNANCE, logger: silentLogger, clock });
  });
  afterAll(async () => {
    await world.store.close();
    await backend.tearDown();
  });
  beforeEach(async () => {
    world.now = TODAY;
    await world.store.sql.execute('TRUNCATE crm_records, crm_change_sets, crm_writes, dead_letters, audit_log RESTART IDENTITY');
    await seedCrm(world.crm, { today: TODAY });
  });
  return world;
}

export interface AuditRow {
  actor: string;
  action: string;
  target: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export async function auditRows(world: CrmWorld, action: string): Promise<AuditRow[]> {
  const { rows } = await world.store.sql.query<AuditRow>('SELECT actor, action, target, before, after FROM audit_log WHERE action = $1 ORDER BY id', [action]);
  return rows;
}

export async function writesTo(world: CrmWorld, record: { type: string; id: string }): Promise<number> {
  const { rows } = await world.store.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM crm_writes WHERE record_type = $1 AND record_id = $2', [record.type, record.id]);
  return rows[0]!.count;
}

let keys = 0;
/** A proposal by `agent`, with a fresh idempotency key unless one is given. */
export function proposal(agent: string, confidence: number, record: { type: 'Lead' | 'Account' | 'Contact'; id: string }, changes: Record<string, unknown>, idempotencyKey = `key-${++keys}`) {
  return {
    traceId: `trace-${keys}`, agent, agentVersion: '3', confidence, record, idempotencyKey,
    changes: Object.entries(changes).map(([field, newValue]) => ({ field, newValue })),
    trigger: { kind: 'event', name: 'lead.created' },
  };
}
