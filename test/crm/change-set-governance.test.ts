import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/errors/index.js';
import { STORE_BACKENDS } from '../store/store-backends.js';
import { ACCOUNT, auditRows, HELD_ACCOUNT, LEAD, proposal, TODAY, useCrmWorld, writesTo } from './change-set-fixture.js';

describe.each(STORE_BACKENDS)('CRM governance on $name', ({ createFixture }) => {
  const world = useCrmWorld(createFixture());

  it('never auto-modifies a record under legal hold; a human override applies it and the audit names the override', async () => {
    const proposed = await world.changeSets.propose(proposal('researcher', 0.95, HELD_ACCOUNT, { Industry: 'Shipping' }));
    expect(proposed).toMatchObject({ status: 'awaiting_approval', decision: { outcome: 'legal_hold', legalHoldOn: HELD_ACCOUNT } });
    const refused = await world.changeSets.apply(proposed.id, { approvedBy: 'maya' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BatonError);
    expect((refused as BatonError).details['reason']).toBe('legal_hold');
    expect((await world.crm.getRecord(HELD_ACCOUNT)).fields['Industry']).toBe('Transportation');

    const override = { legalHold: true as const, reason: 'Legal approved the correction (case 2291)' };
    const applied = await world.changeSets.apply(proposed.id, { approvedBy: 'maya', override });
    expect(applied.status).toBe('applied');
    expect((await world.crm.getRecord(HELD_ACCOUNT)).fields['Industry']).toBe('Shipping');
    const [entry] = await auditRows(world, 'crm.change_set.applied');
    expect(entry).toMatchObject({ actor: 'maya', after: { override, approval: { by: 'maya', override } }, before: { values: { Industry: 'Transportation' } } });
  });

  it('extends an account legal hold to its contacts', async () => {
    const [contact] = await world.crm.query({ type: 'Contact', where: { AccountId: HELD_ACCOUNT.id }, limit: 1 });
    const proposed = await world.changeSets.propose(proposal('researcher', 0.95, { type: 'Contact', id: contact!.id }, { Title: 'COO' }));
    expect(proposed.decision.outcome).toBe('legal_hold');
    expect(proposed.decision.reasons[0]!.message).toContain(`through Account ${HELD_ACCOUNT.id}`);
  });

  it('holds the fourth write to a record in an hour (N=3) and releases it once the oldest write ages out', async () => {
    const titles = ['Head of Sales', 'VP of Sales', 'SVP of Sales', 'Chief Revenue Officer'];
    const results = [];
    for (const Title of titles) {
      results.push(await world.changeSets.propose(proposal('researcher', 0.9, LEAD, { Title })));
      world.advance(60_000);
    }
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied', 'held']);
    const held = results[3]!;
    // The first write was at TODAY; its slot frees an hour later.
    expect(held.retryAt).toBe(new Date(TODAY.getTime() + 3_600_000).toISOString());
    expect((await world.crm.getRecord(LEAD)).fields['Title']).toBe('SVP of Sales');

    world.advance(30 * 60_000);
    expect(await world.changeSets.releaseHeld()).toEqual([]);
    world.now = new Date(held.retryAt!);
    const [released] = await world.changeSets.releaseHeld();
    expect(released).toMatchObject({ id: held.id, status: 'applied' });
    expect((await world.crm.getRecord(LEAD)).fields['Title']).toBe('Chief Revenue Officer');
    expect(await writesTo(world, LEAD)).toBe(4);
  });

  it('holds a human approval past the cap too, and sends it back to a human if the record goes under legal hold meanwhile', async () => {
    for (const Title of ['A', 'B', 'C']) await world.changeSets.propose(proposal('researcher', 0.9, LEAD, { Title }));
    const gated = await world.changeSets.propose(proposal('researcher', 0.5, LEAD, { Title: 'D' }));
    const held = await world.changeSets.apply(gated.id, { approvedBy: 'maya' });
    expect(held).toMatchObject({ status: 'held', approval: { by: 'maya' }, decision: { outcome: 'held' } });
    await world.crm.setLegalHold(LEAD, true);
    world.now = new Date(held.retryAt!);
    const [released] = await world.changeSets.releaseHeld();
    expect(released).toMatchObject({ status: 'awaiting_approval', decision: { outcome: 'legal_hold' } });
    expect((await world.crm.getRecord(LEAD)).fields['Title']).toBe('C');
  });

  it('resolves two agents proposing one field by confidence, recording the conflict on both', async () => {
    const first = await world.changeSets.propose(proposal('enricher', 0.6, ACCOUNT, { Industry: 'Logistics' }));
    const second = await world.changeSets.propose(proposal('researcher', 0.7, ACCOUNT, { Industry: 'Freight & Logistics' }));
    expect(second.status).toBe('awaiting_approval');
    const loser = await world.changeSets.get(first.id);
    expect(loser.status).toBe('superseded');
    expect(loser.decision.conflicts).toEqual([expect.objectContaining({ winner: second.id, loser: first.id, fields: ['Industry'], decidedBy: 'confidence' })]);
    expect(second.decision.conflicts).toHaveLength(1);
    expect(await auditRows(world, 'crm.change_set.superseded')).toHaveLength(1);
  });

  it('breaks a confidence tie by agent priority, even against the later proposal', async () => {
    const first = await world.changeSets.propose(proposal('enricher', 0.7, ACCOUNT, { Industry: 'Logistics' }));
    world.advance(1_000);
    const second = await world.changeSets.propose(proposal('researcher', 0.7, ACCOUNT, { Industry: 'Freight' }));
    expect(second.status).toBe('superseded');
    expect(second.decision.conflicts[0]).toMatchObject({ winner: first.id, decidedBy: 'priority' });
    expect((await world.changeSets.get(first.id)).decision.conflicts[0]).toMatchObject({ loser: second.id });
  });

  it('dead-letters an employee count of -1 with the reason before anything uses it', async () => {
    const proposed = await world.changeSets.propose(proposal('researcher', 0.99, ACCOUNT, { NumberOfEmployees: -1 }));
    expect(proposed.status).toBe('dead_lettered');
    expect((await world.crm.getRecord(ACCOUNT)).fields['NumberOfEmployees']).toBe(4200);
    const { rows } = await world.store.sql.query<{ source: string; status: string; reason: { code: string; message: string }; payload: { changeSetId: string } }>('SELECT * FROM dead_letters');
    expect(rows).toEqual([expect.objectContaining({ source: 'crm', status: 'open', reason: expect.objectContaining({ code: 'crm_value_invalid', message: 'Account.NumberOfEmployees: -1 is not a positive whole number' }) })]);
    expect(rows[0]!.payload.changeSetId).toBe(proposed.id);
  });

  it('refuses a field outside the agent allow-list', async () => {
    const proposed = await world.changeSets.propose(proposal('enricher', 0.99, LEAD, { Status: 'Working - Contacted' }));
    expect(proposed).toMatchObject({ status: 'rejected', decision: { outcome: 'refused', reasons: [{ code: 'field_not_allowed', field: 'Status' }] } });
    expect(await writesTo(world, LEAD)).toBe(0);
  });

  it('gates a change below the confidence threshold; the approver edits it and the audit keeps both values', async () => {
    const proposed = await world.changeSets.propose(proposal('researcher', 0.79, LEAD, { Title: 'Sales VP' }));
    expect(proposed).toMatchObject({ status: 'awaiting_approval', decision: { outcome: 'gate', reasons: [{ code: 'low_confidence' }] } });
    expect((await world.crm.getRecord(LEAD)).fields['Title']).toBe('VP of Sales');
    const applied = await world.changeSets.apply(proposed.id, { approvedBy: 'sam', edits: { Title: 'Vice President of Sales' } });
    expect(applied.status).toBe('applied');
    const [entry] = await auditRows(world, 'crm.change_set.applied');
    expect(entry!.after).toMatchObject({ proposed: { Title: 'Sales VP' }, values: { Title: 'Vice President of Sales' }, approval: { by: 'sam', edits: [{ field: 'Title', proposed: 'Sales VP' }] } });
  });
});
