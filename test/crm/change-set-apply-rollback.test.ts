import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/errors/index.js';
import { STORE_BACKENDS } from '../store/store-backends.js';
import { ACCOUNT, auditRows, LEAD, proposal, useCrmWorld, writesTo } from './change-set-fixture.js';

describe.each(STORE_BACKENDS)('applying and rolling back change sets on $name', ({ createFixture }) => {
  const world = useCrmWorld(createFixture());

  /** Someone edits the record in the CRM directly, outside Baton's change sets. */
  async function editInCrm(fields: Record<string, unknown>, key: string): Promise<void> {
    const record = await world.crm.getRecord(LEAD);
    world.advance(1_000);
    await world.crm.applyChanges({ record: LEAD, changes: Object.entries(fields).map(([field, newValue]) => ({ field, oldValue: record.fields[field], newValue })), expectedLastModified: record.lastModified, idempotencyKey: key });
  }

  it('marks a change set conflicted, writing nothing, when the record changed since it was read', async () => {
    const proposed = await world.changeSets.propose(proposal('researcher', 0.5, LEAD, { Title: 'Head of Revenue' }));
    await editInCrm({ Title: 'Chief of Staff' }, 'human-edit');
    const attempted = await world.changeSets.apply(proposed.id, { approvedBy: 'sam' });
    expect(attempted.status).toBe('conflicted');
    expect(attempted.crmResponse).toMatchObject({ error: { code: 'conflict', details: { reason: 'record_changed' } } });
    expect((await world.crm.getRecord(LEAD)).fields['Title']).toBe('Chief of Staff');
    expect(await writesTo(world, LEAD)).toBe(1);
    expect(await auditRows(world, 'crm.change_set.conflicted')).toEqual([expect.objectContaining({ actor: 'sam', before: expect.objectContaining({ values: { Title: 'VP of Sales' } }) })]);
    expect(await auditRows(world, 'crm.change_set.applied')).toEqual([]);
  });

  it('rolls an applied change set back to the values it replaced, audited', async () => {
    const applied = await world.changeSets.propose(proposal('researcher', 0.9, LEAD, { Title: 'Head of Revenue', NumberOfEmployees: 350 }));
    expect(applied.status).toBe('applied');
    world.advance(60_000);
    const rolledBack = await world.changeSets.rollback(applied.id, 'cli');
    expect(rolledBack).toMatchObject({ status: 'rolled_back', rolledBackBy: 'cli' });
    expect((await world.crm.getRecord(LEAD)).fields).toMatchObject({ Title: 'VP of Sales', NumberOfEmployees: 320 });
    const [entry] = await auditRows(world, 'crm.change_set.rolled_back');
    expect(entry).toMatchObject({ actor: 'cli', before: { values: { Title: 'Head of Revenue', NumberOfEmployees: 350 } }, after: { values: { Title: 'VP of Sales', NumberOfEmployees: 320 } } });
  });

  it('refuses a rollback, naming the field, when the field changed since the change set wrote it', async () => {
    const applied = await world.changeSets.propose(proposal('researcher', 0.9, LEAD, { Title: 'Head of Revenue' }));
    await editInCrm({ Title: 'Chief of Staff' }, 'human-edit');
    const refused = await world.changeSets.rollback(applied.id, 'cli').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BatonError);
    expect((refused as BatonError).message).toContain('Lead.Title changed since it was applied (it holds "Chief of Staff"');
    expect((refused as BatonError).details).toMatchObject({ reason: 'field_changed', field: 'Title' });
    expect((await world.crm.getRecord(LEAD)).fields['Title']).toBe('Chief of Staff');
    expect((await world.changeSets.get(applied.id)).status).toBe('applied');
    expect(await auditRows(world, 'crm.change_set.rollback_refused')).toHaveLength(1);
  });

  it('writes once when an apply is retried with the same idempotency key', async () => {
    const proposed = await world.changeSets.propose(proposal('researcher', 0.5, LEAD, { Title: 'Head of Revenue' }));
    // A first attempt wrote to the CRM, then its process died before recording it.
    const first = await world.crm.applyChanges({ record: LEAD, changes: proposed.changes, expectedLastModified: proposed.expectedLastModified, idempotencyKey: proposed.id });
    expect(first.written).toBe(true);
    world.advance(5_000);
    const retried = await world.changeSets.apply(proposed.id, { approvedBy: 'sam' });
    expect(retried).toMatchObject({ status: 'applied', crmResponse: { written: false, lastModified: first.record.lastModified } });
    const again = await world.changeSets.apply(proposed.id, { approvedBy: 'sam' });
    expect(again.appliedAt).toBe(retried.appliedAt);
    expect((await world.crm.getRecord(LEAD)).lastModified).toBe(first.record.lastModified);
    expect(await writesTo(world, LEAD)).toBe(1);
    expect(await auditRows(world, 'crm.change_set.applied')).toHaveLength(1);
  });

  it('proposes once for a retried job presenting the same idempotency key', async () => {
    const first = await world.changeSets.propose(proposal('researcher', 0.9, LEAD, { Title: 'Head of Revenue' }, 'job-42'));
    const second = await world.changeSets.propose(proposal('researcher', 0.9, LEAD, { Title: 'Head of Revenue' }, 'job-42'));
    expect(second.id).toBe(first.id);
    expect(await world.changeSets.list({ record: LEAD })).toHaveLength(1);
    expect(await writesTo(world, LEAD)).toBe(1);
  });

  it('applies a medium-risk change and records a notification', async () => {
    const applied = await world.changeSets.propose(proposal('researcher', 0.9, ACCOUNT, { Website: 'https://northwind.example' }));
    expect(applied).toMatchObject({ status: 'applied', appliedBy: 'governance', decision: { outcome: 'notify', risk: 'medium' } });
    const [notification] = await auditRows(world, 'crm.change_set.notification');
    expect(notification!.after['message']).toContain(`researcher changed Account ${ACCOUNT.id}: Website`);
    const [entry] = await auditRows(world, 'crm.change_set.applied');
    expect(entry!.after).toMatchObject({ trigger: { kind: 'event', name: 'lead.created' }, traceId: applied.traceId, agent: 'researcher', agentVersion: '3', confidence: 0.9, crmResponse: { written: true } });
  });
});
