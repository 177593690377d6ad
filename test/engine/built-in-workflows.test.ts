import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInWorkflows, createAgentCatalog, loadBuiltInAgents } from '../../agents/index.js';
import { AccountBriefSchema } from '../../agents/contracts/account-brief.js';
import { EmailSequenceSchema } from '../../agents/contracts/email-sequence.js';
import { loadConfig } from '../../src/config.js';
import { sampleAccountBrief } from '../support/sample-account-brief.js';
import { createEngineHarness, type EngineHarness } from './engine-harness.js';

const ACCOUNTS = [
  { name: 'Northwind Logistics', domain: 'northwind-logistics.com' },
  { name: 'Globex', domain: 'globex.example' },
  { name: 'Initech', domain: 'initech.example' },
  { name: 'Umbrella Health', domain: 'umbrella-health.example' },
  { name: 'Bootstrap Bakery', domain: 'bootstrap-bakery.example' },
];

const reply = (text: string) => ({
  reply: { text, from: 'dana.ortiz@northwind-logistics.com' },
  receivedAt: '2026-11-20T15:42:00Z',
  booking: { link: 'https://cal.example/dana', timezone: 'America/Chicago', slots: ['2026-11-24T15:00:00Z', '2026-11-24T19:00:00Z', '2026-11-25T16:00:00Z'] },
  knowledge: [{ topic: 'pricing', answer: 'Plans start at $40 per seat per month, billed annually.' }],
});

let harness: EngineHarness;
beforeAll(async () => {
  const agents = createAgentCatalog(await loadBuiltInAgents(loadConfig({}).promptsDir));
  harness = await createEngineHarness({ workflows: builtInWorkflows(agents) });
  harness.startWorker(8);
});
afterAll(async () => {
  await harness.close();
});

describe('the shipped workflows, end to end in offline mode on BullMQ, Redis and PostgreSQL', () => {
  it.each(ACCOUNTS)('research_account researches $name into a valid account brief', async (account) => {
    const run = await harness.waitFor((await harness.engine.start('research_account', { account })).runId, ['succeeded', 'partial'], 20_000);
    const brief = AccountBriefSchema.parse(run.status === 'partial' ? (run.output as { result: unknown }).result : run.output);
    expect(brief.account.domain).toBe(account.domain);
    expect(run.steps.filter((step) => step.status === 'succeeded').map((step) => step.name).sort()).toEqual(
      ['research/funding', 'research/hiring', 'research/merge', 'research/signals', 'research/techStack'],
    );
  });

  it('write_cold_sequence writes, passes QA and waits for approval with the sequence', async () => {
    const { runId } = await harness.engine.start('write_cold_sequence', { brief: sampleAccountBrief() });
    await harness.waitFor(runId, ['waiting_for_human'], 20_000);
    const [approval] = await harness.engine.listApprovals({ runId, status: 'pending' });
    expect(approval).toMatchObject({ key: 'sequence/approve', action: 'send_sequence', kind: 'gate' });
    EmailSequenceSchema.parse(approval!.payload);
    await harness.engine.decide({ approvalId: approval!.id, fingerprint: approval!.fingerprint, decision: { decision: 'approve' }, reviewer: { id: 'U-REP', via: 'cli' } });
    const run = await harness.waitFor(runId, ['succeeded']);
    expect(EmailSequenceSchema.parse(run.output).emails).toHaveLength(3);
  });

  it.each([
    ['Interested, let us talk. Next week works.', 'positive', 'triage/positive'],
    ['We already use Outreach and are under contract.', 'objection', 'triage/objection'],
    ['How much does pricing cost for 40 seats?', 'question', 'triage/question'],
    ['I am out of the office until December 1 with limited access to email.', 'out_of_office', 'triage/out_of_office'],
    ['Please remove me from your list.', 'not_interested', 'triage/not_interested'],
  ])('handle_reply routes %j to %s', async (text, category, branchKey) => {
    const run = await harness.waitFor((await harness.engine.start('handle_reply', reply(text))).runId, ['succeeded'], 20_000);
    expect(run.output).toMatchObject({ routing: { category, decidedBy: 'router' } });
    expect(run.steps.map((step) => step.name)).toEqual(['triage/router', branchKey]);
  });

  it('handle_reply logs spam and sends nothing', async () => {
    const run = await harness.waitFor((await harness.engine.start('handle_reply', reply('You are a lottery winner, click here for crypto.'))).runId, ['succeeded']);
    expect(run.output).toMatchObject({ routing: { category: 'spam' }, result: null });
  });

  it('classify_reply_by_vote asks three classifiers and the judge picks one', async () => {
    const run = await harness.waitFor((await harness.engine.start('classify_reply_by_vote', { reply: { text: 'Please remove me.' } })).runId, ['succeeded']);
    expect(run.output).toMatchObject({ category: 'not_interested' });
    expect(run.steps.map((step) => step.name).sort()).toEqual(['vote/candidate-1', 'vote/candidate-2', 'vote/candidate-3', 'vote/judge']);
  });
});
