import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountBriefSchema } from '../../agents/contracts/account-brief.js';
import { SEQUENCE_STATUS_FIELD, SEQUENCE_SUBJECTS_FIELD } from '../../agents/contracts/sequence-fields.js';
import { PersonalisationSchema } from '../../agents/personaliser/personaliser-schemas.js';
import { SAMPLE_ACCOUNTS, accountId } from '../../crm/seed/sample-accounts.js';
import { FOLLOW_UP_DUE } from '../../src/contracts/follow-up.js';
import { createBatonHarness, type BatonHarness } from '../support/baton-harness.js';
import { handOffProblems } from '../support/hand-off-checks.js';

/** Five seeded accounts: two East Enterprise, one East Mid-Market, one insurer, one small analytics shop. */
const ACCOUNTS = [0, 1, 2, 3, 4].map((index) => {
  const [name, domain] = SAMPLE_ACCOUNTS[index]!;
  return { index, name, domain, id: accountId(index) };
});

const BOOKING = { link: 'https://cal.example/baton-ae', timezone: 'America/New_York', slots: ['2026-12-01T15:00:00Z', '2026-12-01T19:00:00Z', '2026-12-02T16:00:00Z'] };
const KNOWLEDGE = [{ topic: 'pricing', answer: 'Plans start at $40 per seat per month, billed annually.' }];

let harness: BatonHarness;
beforeAll(async () => {
  // The booking link and approved answers come from the settings file, so callers need not send them.
  harness = await createBatonHarness({ label: 'gtm-workflows', stepWorkers: 2, settings: { workflowDefaults: { handle_reply: { booking: BOOKING, knowledge: KNOWLEDGE } } } });
});
afterAll(async () => {
  await harness.close();
});

async function contactsOf(account: (typeof ACCOUNTS)[number]) {
  const records = await harness.crm.crm.query({ type: 'Contact', where: { AccountId: account.id } });
  return records.map((record) => ({
    name: `${String(record.fields['FirstName'])} ${String(record.fields['LastName'])}`,
    title: String(record.fields['Title']),
    email: String(record.fields['Email']),
    company: account.name,
    record: { type: 'Contact' as const, id: record.id },
  }));
}

describe.each(ACCOUNTS)('the GTM workflows for $name, end to end on BullMQ, Redis and PostgreSQL', (account) => {
  it('researches the account, drafts a sequence for its contacts and records it in the CRM once a human approves', async () => {
    const research = await harness.waitFor((await harness.opened.engine.start('research_account', { account: { name: account.name, domain: account.domain } })).runId, ['succeeded', 'partial']);
    expect(handOffProblems(research, harness.baton.agents)).toEqual([]);
    const brief = AccountBriefSchema.parse(research.status === 'partial' ? (research.output as { result: unknown }).result : research.output);
    expect(brief.account.domain).toBe(account.domain);
    // The CRM is a research source: its record is cited, and the contacts it holds can be on the committee, with their emails.
    expect(brief.sources.map((source) => source.source)).toContain(`embedded-crm:Account/${account.id}`);
    const crmContacts = await contactsOf(account);
    expect(brief.buyingCommittee.filter((member) => crmContacts.some((contact) => contact.email === member.email)).length).toBeGreaterThan(0);

    const contacts = await contactsOf(account);
    expect(contacts.length).toBeGreaterThanOrEqual(2);
    const { runId } = await harness.opened.engine.start('write_cold_sequence', { brief, contacts });
    await harness.waitFor(runId, ['waiting_for_human']);
    const [approval] = await harness.opened.engine.listApprovals({ runId, status: 'pending' });
    expect(approval).toMatchObject({ key: 'sequence/approve', action: 'send_sequence' });
    const draft = PersonalisationSchema.parse(approval!.payload);
    expect(draft.perContact.map((entry) => entry.email).sort()).toEqual(contacts.map((contact) => contact.email).sort());
    for (const contact of contacts) expect((await harness.crm.crm.getRecord(contact.record)).fields[SEQUENCE_STATUS_FIELD]).toBeUndefined();

    await harness.opened.engine.decide({ approvalId: approval!.id, fingerprint: approval!.fingerprint, decision: { decision: 'approve' }, reviewer: { id: 'U-AE', via: 'cli' } });
    const sequence = await harness.waitFor(runId, ['succeeded']);
    expect(handOffProblems(sequence, harness.baton.agents)).toEqual([]);
    expect(sequence.output).toMatchObject({ crmWrites: contacts.map((contact) => ({ status: 'applied', record: contact.record })) });
    const subjects = draft.sequence.emails.map((email) => email.subject).join(' | ');
    for (const contact of contacts) {
      const fields = (await harness.crm.crm.getRecord(contact.record)).fields;
      expect([fields[SEQUENCE_STATUS_FIELD], fields[SEQUENCE_SUBJECTS_FIELD]]).toEqual(['active', subjects]);
    }
    const changeSets = await harness.crm.changeSets.list({ runId });
    expect(changeSets.map((changeSet) => [changeSet.record.id, changeSet.status, changeSet.traceId]).sort()).toEqual(
      contacts.map((contact) => [contact.record.id, 'applied', sequence.traceId]).sort(),
    );
  });

  it('handles a reply from each contact by its category, writing to the CRM only for the opt-out', async () => {
    const [first, second] = await contactsOf(account);
    const reply = (text: string, contact: { type: 'Contact'; id: string }) => ({ reply: { text, from: 'prospect@example.com' }, receivedAt: '2026-11-20T15:42:00Z', contact });

    const away = await harness.waitFor((await harness.opened.engine.start('handle_reply', reply('I am out of the office until December 1 with limited access to email.', first!.record))).runId, ['succeeded']);
    expect(handOffProblems(away, harness.baton.agents)).toEqual([]);
    expect(away.output).toMatchObject({ routing: { category: 'out_of_office' }, result: { returnDate: '2026-12-01', contact: first!.record, followUp: { event: FOLLOW_UP_DUE } } });
    const followUps = (await harness.publishedEvents(FOLLOW_UP_DUE)).filter(({ event }) => (event.data as { runId: string }).runId === away.id);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.event.traceId).toBe(away.traceId);
    expect(followUps[0]!.delayMs).toBeGreaterThan(0);

    const optOut = await harness.waitFor((await harness.opened.engine.start('handle_reply', reply('Please remove me from your list and stop emailing me.', second!.record))).runId, ['succeeded']);
    expect(handOffProblems(optOut, harness.baton.agents)).toEqual([]);
    expect(optOut.output).toMatchObject({ routing: { category: 'not_interested' }, result: { scope: 'all_outreach', crmWrites: [{ status: 'applied', record: second!.record }] } });
    const fields = (await harness.crm.crm.getRecord(second!.record)).fields;
    expect([fields['HasOptedOutOfEmail'], fields[SEQUENCE_STATUS_FIELD]]).toEqual([true, 'stopped']);

    const positive = await harness.waitFor((await harness.opened.engine.start('handle_reply', reply('Interested, let us talk. Next week works.', first!.record))).runId, ['succeeded']);
    expect(positive.output).toMatchObject({ routing: { category: 'positive' }, result: { bookingLink: BOOKING.link, proposedTimes: BOOKING.slots, replyDraft: { body: expect.stringContaining(BOOKING.link) } } });
    expect(await harness.crm.changeSets.list({ runId: positive.id })).toEqual([]);
  });
});

describe('replies that need no CRM record', () => {
  const reply = (text: string) => ({ reply: { text, from: 'dana.ortiz@northwind-logistics.example' }, receivedAt: '2026-11-20T15:42:00Z' });

  it.each([
    ['We already use Outreach and are under contract.', 'objection', 'triage/objection'],
    ['How much does pricing cost for 40 seats?', 'question', 'triage/question'],
  ])('handle_reply routes %j to %s', async (text, category, branchKey) => {
    const run = await harness.waitFor((await harness.opened.engine.start('handle_reply', reply(text))).runId, ['succeeded']);
    expect(run.output).toMatchObject({ routing: { category, decidedBy: 'router' } });
    expect(run.steps.map((step) => step.name)).toEqual(['triage/router', branchKey]);
    expect(handOffProblems(run, harness.baton.agents)).toEqual([]);
  });

  it('logs spam and drafts nothing', async () => {
    const run = await harness.waitFor((await harness.opened.engine.start('handle_reply', reply('You are a lottery winner, click here for crypto.'))).runId, ['succeeded']);
    expect(run.output).toMatchObject({ routing: { category: 'spam' }, result: null });
    expect(run.steps.map((step) => step.name)).toEqual(['triage/router']);
  });

  it('records an opt-out without a CRM record as nothing to write', async () => {
    const run = await harness.waitFor((await harness.opened.engine.start('handle_reply', reply('Please remove me from your list.'))).runId, ['succeeded']);
    expect(run.output).toMatchObject({ routing: { category: 'not_interested' }, result: { crmWrites: [] } });
  });

  it('classify_reply_by_vote asks three classifiers and the judge picks one', async () => {
    const run = await harness.waitFor((await harness.opened.engine.start('classify_reply_by_vote', { reply: { text: 'Please remove me.' } })).runId, ['succeeded']);
    expect(run.output).toMatchObject({ category: 'not_interested' });
    expect(run.steps.map((step) => step.name).sort()).toEqual(['vote/candidate-1', 'vote/candidate-2', 'vote/candidate-3', 'vote/judge']);
  });
});
