import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAgent } from '../../agents/runtime/define-agent.js';
import { createChangeSets } from '../../crm/change-sets/index.js';
import { createEmbeddedCrm, type EmbeddedCrm } from '../../crm/embedded/index.js';
import { ChangeProposalSchema } from '../../src/contracts/crm-write.js';
import { crmRecord, crmWrite, defineWorkflow } from '../../src/engine/workflow/define-workflow.js';
import { createLogger } from '../../src/logging/index.js';
import { createCrmEffects } from '../../src/main/crm-effects.js';
import { GovernanceSettingsSchema } from '../../src/settings/index.js';
import { createEngineHarness, type EngineHarness } from './engine-harness.js';

/** Proposes exactly what its input asks for: the test states the proposal, governance decides. */
const proposer = defineAgent({
  name: 'crm-proposer',
  description: 'Proposes a CRM change.',
  input: z.object({ proposal: ChangeProposalSchema }),
  output: ChangeProposalSchema,
  tier: 'balanced',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['proposal'],
  checks: [],
  simulate: (input) => input.proposal,
});

const governance = GovernanceSettingsSchema.parse({ allowedFields: { 'crm-proposer': { Lead: ['Title', 'Email'], Account: ['NumberOfEmployees', 'Industry'] } } });
let harness: EngineHarness;
let crm: EmbeddedCrm;

beforeAll(async () => {
  const workflow = defineWorkflow({ name: 'update_crm', version: '1', description: 'crm write', input: z.object({ proposal: ChangeProposalSchema }), root: crmWrite('write', { proposer }) });
  const titles = z.object({ title: z.string(), confidence: z.number(), leads: z.array(z.string()) });
  const recording = defineWorkflow({
    name: 'record_titles',
    version: '1',
    description: 'code-derived writes, one per lead',
    input: titles,
    root: crmRecord('record', { actor: 'crm-proposer', input: titles, propose: ({ title, confidence, leads }) => leads.map((id) => ({ record: { type: 'Lead' as const, id }, changes: [{ field: 'Title', newValue: title }], confidence })) }),
  });
  harness = await createEngineHarness({
    workflows: [workflow, recording],
    effectsFor: (store) => {
      crm = createEmbeddedCrm({ sql: store.sql });
      return createCrmEffects(createChangeSets({ sql: store.sql, crm, settings: governance, logger: createLogger({ level: 'silent' }) }));
    },
  });
  await crm.insertRecords([
    { type: 'Lead', id: '00QBt0000000000001', fields: { LastName: 'Ortiz', Company: 'Northwind', Title: 'SDR Lead', Email: 'dana@northwind.example' } },
    { type: 'Account', id: '001Bt0000000000001', fields: { Name: 'Northwind', NumberOfEmployees: 240, Industry: 'Logistics' } },
    { type: 'Lead', id: '00QBt0000000000002', fields: { LastName: 'Reyes', Company: 'Northwind', Title: 'AE' } },
    { type: 'Lead', id: '00QBt0000000000003', fields: { LastName: 'Park', Company: 'Northwind', Title: 'AE' } },
  ]);
  harness.startWorker();
});
afterAll(async () => {
  await harness.close();
});

const lead = { type: 'Lead' as const, id: '00QBt0000000000001' };
const account = { type: 'Account' as const, id: '001Bt0000000000001' };

describe('CRM writes inside a run go through governance', () => {
  it('writes a low-risk, confident change at once and records the change set in the run', async () => {
    const run = await harness.waitFor((await harness.engine.start('update_crm', { proposal: { record: lead, changes: [{ field: 'Title', newValue: 'Head of SDR' }], confidence: 0.95 } })).runId, ['succeeded']);
    expect(run.output).toMatchObject({ status: 'applied', changes: [{ field: 'Title', oldValue: 'SDR Lead', newValue: 'Head of SDR' }] });
    expect((await crm.getRecord(lead)).fields['Title']).toBe('Head of SDR');
  });

  it('holds a low-confidence change for a reviewer, then writes what the reviewer approved, by their name', async () => {
    const { runId } = await harness.engine.start('update_crm', { proposal: { record: account, changes: [{ field: 'Industry', newValue: 'Freight software' }], confidence: 0.4 } });
    await harness.waitFor(runId, ['waiting_for_human']);
    expect((await crm.getRecord(account)).fields['Industry']).toBe('Logistics');
    const [approval] = await harness.engine.listApprovals({ runId, status: 'pending' });
    expect(approval).toMatchObject({ action: 'crm_write', payload: { changes: [{ field: 'Industry', oldValue: 'Logistics', newValue: 'Freight software' }] } });
    const edited = { ...(approval!.payload as object), changes: [{ field: 'Industry', oldValue: 'Logistics', newValue: 'Logistics software' }] };
    await harness.engine.decide({ approvalId: approval!.id, fingerprint: approval!.fingerprint, decision: { decision: 'edit', payload: edited }, reviewer: { id: 'U-REVOPS', via: 'cli' } });
    const run = await harness.waitFor(runId, ['succeeded']);
    expect(run.output).toMatchObject({ status: 'applied' });
    expect((await crm.getRecord(account)).fields['Industry']).toBe('Logistics software');
  });

  it('fails the run and dead-letters an impossible value before anything is written', async () => {
    const run = await harness.waitFor((await harness.engine.start('update_crm', { proposal: { record: account, changes: [{ field: 'NumberOfEmployees', newValue: -1 }], confidence: 0.99 } })).runId, ['failed']);
    expect(run.error).toMatchObject({ code: 'input_invalid' });
    expect(run.error?.message).toContain('NumberOfEmployees');
    expect((await crm.getRecord(account)).fields['NumberOfEmployees']).toBe(240);
  });

  it('refuses a field outside the proposer agent\'s allow-list', async () => {
    const run = await harness.waitFor((await harness.engine.start('update_crm', { proposal: { record: lead, changes: [{ field: 'OwnerId', newValue: '005Bt0000000000001' }], confidence: 0.99 } })).runId, ['failed']);
    expect(run.error?.code).toMatch(/unauthorized|input_invalid/);
  });

  it('records code-derived changes on several records, each through governance, gated ones waiting for a reviewer', async () => {
    const leads = ['00QBt0000000000002', '00QBt0000000000003'];
    const applied = await harness.waitFor((await harness.engine.start('record_titles', { title: 'Account Executive', confidence: 0.95, leads })).runId, ['succeeded']);
    expect(applied.output).toMatchObject({ title: 'Account Executive', crmWrites: [{ status: 'applied', record: { id: leads[0] } }, { status: 'applied', record: { id: leads[1] } }] });
    for (const id of leads) expect((await crm.getRecord({ type: 'Lead', id })).fields['Title']).toBe('Account Executive');

    const { runId } = await harness.engine.start('record_titles', { title: 'Senior AE', confidence: 0.3, leads });
    await harness.waitFor(runId, ['waiting_for_human']);
    const pending = await harness.engine.listApprovals({ runId, status: 'pending' });
    expect(pending.map((approval) => approval.key).sort()).toEqual(['record/1/approve', 'record/2/approve']);
    for (const approval of pending) await harness.engine.decide({ approvalId: approval.id, fingerprint: approval.fingerprint, decision: { decision: 'approve' }, reviewer: { id: 'U-REVOPS', via: 'cli' } });
    const run = await harness.waitFor(runId, ['succeeded']);
    expect(run.output).toMatchObject({ crmWrites: [{ status: 'applied' }, { status: 'applied' }] });
    for (const id of leads) expect((await crm.getRecord({ type: 'Lead', id })).fields['Title']).toBe('Senior AE');
  });

  it('fails the run, naming the record, when one of the records does not exist', async () => {
    const run = await harness.waitFor((await harness.engine.start('record_titles', { title: 'x', confidence: 0.95, leads: ['00QBt0000000000001', 'not-a-lead'] })).runId, ['failed']);
    expect(run.error?.message).toMatch(/not-a-lead|not_found|does not exist/i);
  });
});
