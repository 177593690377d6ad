import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import { APPROVALS_CHANNEL, createSlackHarness, eventually, exampleInput, REVIEWER, type SlackHarness } from './slack-harness.js';
import { blockActionBody } from './signed-requests.js';

const MANAGER = 'UMANAGER';
const ESCALATIONS = 'CESCALATE';
const SETTINGS = {
  reviewPolicies: {
    send_sequence: { risk: 'high', reviewers: { users: [REVIEWER], groups: [] }, expiresInMinutes: 120, onExpiry: 'escalate', escalateTo: { users: [MANAGER], groups: [], channel: ESCALATIONS } },
  },
};

let harness: SlackHarness;

beforeAll(async () => {
  harness = await createSlackHarness('expiry', { settings: SETTINGS });
}, 60_000);

afterAll(async () => {
  await harness.close();
}, 60_000);

interface Waiting {
  readonly runId: string;
  readonly approval: ApprovalView;
  readonly rootTs: string;
  readonly cardTs: string;
}

async function sequenceWaitingForApproval(): Promise<Waiting> {
  const { engine } = harness.opened;
  const { runId } = await engine.start('write_cold_sequence', exampleInput('write-cold-sequence'));
  const approval = await eventually('the send gate to open', async () => (await engine.listApprovals({ runId, status: 'pending' }))[0]);
  const card = await eventually('the approval card', async () => {
    const row = await harness.slack.context.cards.get(approval.id);
    return row?.state === 'open' && row.card_ts !== null && row.root_ts !== null ? { rootTs: row.root_ts, cardTs: row.card_ts } : undefined;
  });
  return { runId, approval, ...card };
}

/** Moves the deadline in the store, as time passing would. */
async function expireIn(approvalId: string, minutes: number): Promise<void> {
  const { sql } = await harness.baton.store();
  await sql.query(`UPDATE approvals SET expires_at = now() + make_interval(secs => $2) WHERE id = $1`, [approvalId, minutes * 60]);
}

const thread = (channel: string, rootTs: string) => harness.fake.messages.filter((message) => message.channel === channel && message.threadTs === rootTs);
const messageAt = (ts: string) => harness.fake.messages.find((message) => message.ts === ts);
const hasButtons = (ts: string) => (messageAt(ts)?.blocks ?? []).some((block) => (block as { type: string }).type === 'actions');
const cardsOf = (approvalId: string, channel: string) => harness.fake.messages.filter((message) => message.channel === channel && JSON.stringify(message.blocks).includes(`${approvalId}|`));
const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

async function escalated(waiting: Waiting) {
  await expireIn(waiting.approval.id, -1 / 60);
  expect(await harness.opened.engine.sweepExpiredApprovals()).toEqual({ escalated: 1, expired: 0 });
  const card = await eventually('the escalation card', () => cardsOf(waiting.approval.id, ESCALATIONS)[0]);
  const root = harness.fake.messages.find((message) => message.ts === card.threadTs);
  if (root === undefined) throw new Error('the escalation card has no thread root');
  return { card, root };
}

describe('approval expiry in Slack', () => {
  it('reminds in the thread once before the deadline, escalates with a card the escalation reviewer decides on, and closes both cards', async () => {
    const waiting = await sequenceWaitingForApproval();
    await settle();
    expect(thread(APPROVALS_CHANNEL, waiting.rootTs).filter((message) => message.text.startsWith('⏰'))).toEqual([]);

    await expireIn(waiting.approval.id, 30);
    const reminder = await eventually('the reminder', () => thread(APPROVALS_CHANNEL, waiting.rootTs).find((message) => message.text.startsWith('⏰ Reminder')));
    expect(reminder.text).toContain(`<@${REVIEWER}>`);
    expect(reminder.text).toContain('then it is escalated or rejected per its policy');

    const { card, root } = await escalated(waiting);
    expect(root.channel).toBe(ESCALATIONS);
    expect(root.text).toBe('⏫ Escalated: send_sequence for Northwind Logistics');
    expect(JSON.stringify(root.blocks)).toContain(`<@${MANAGER}>`);
    expect(hasButtons(card.ts)).toBe(true);
    const note = await eventually('the note in the first thread', () => thread(APPROVALS_CHANNEL, waiting.rootTs).find((message) => message.text.startsWith('⏫ Escalated')));
    expect(note.text).toContain(`<@${MANAGER}>`);
    expect(note.text).toContain(`<#${ESCALATIONS}>`);

    const value = `${waiting.approval.id}|${waiting.approval.fingerprint}`;
    await harness.sender.post(blockActionBody({ user: REVIEWER, channel: APPROVALS_CHANNEL, messageTs: waiting.cardTs, actionId: 'approval.approve', value }));
    await eventually('the former reviewer to be refused', () => harness.fake.ephemerals.find((ephemeral) => ephemeral.user === REVIEWER && ephemeral.text.includes('not a reviewer')));
    expect((await harness.opened.engine.getApproval(waiting.approval.id)).status).toBe('pending');

    await harness.sender.post(blockActionBody({ user: MANAGER, channel: ESCALATIONS, messageTs: card.ts, actionId: 'approval.approve', value }));
    await eventually('the run to finish', async () => ((await harness.opened.engine.getRun(waiting.runId)).status === 'succeeded' ? true : undefined));
    await eventually('both cards to close', () => (hasButtons(card.ts) || hasButtons(waiting.cardTs) ? undefined : true));
    expect(JSON.stringify(messageAt(card.ts)?.blocks)).toContain(`Approved* by <@${MANAGER}>`);
    expect(JSON.stringify(messageAt(waiting.cardTs)?.blocks)).toContain(`Approved* by <@${MANAGER}>`);
    await settle();
    expect(thread(ESCALATIONS, root.ts).map((message) => message.ts)).toEqual([card.ts]);
    expect(harness.fake.messages.filter((message) => message.channel === ESCALATIONS && message.threadTs === undefined && JSON.stringify(message.blocks).includes(waiting.runId))).toHaveLength(1);
    expect(harness.fake.messages.filter((message) => message.text.startsWith('⏰') && (message.threadTs === waiting.rootTs || message.threadTs === root.ts))).toHaveLength(1);
    expect(harness.fake.messages.filter((message) => message.text.startsWith('⏫'))).toHaveLength(2);
  });

  it('reminds the escalation reviewers in their thread, then expires per the policy: the run fails and both cards show it', async () => {
    const waiting = await sequenceWaitingForApproval();
    const { card, root } = await escalated(waiting);
    await expireIn(waiting.approval.id, 30);
    const reminder = await eventually('the second reminder', () => thread(ESCALATIONS, root.ts).find((message) => message.text.startsWith('⏰ Reminder')));
    expect(reminder.text).toContain(`<@${MANAGER}>`);
    expect(reminder.text).toContain('then it is settled per its policy');

    await expireIn(waiting.approval.id, -1 / 60);
    expect(await harness.opened.engine.sweepExpiredApprovals()).toEqual({ escalated: 0, expired: 1 });
    const run = await eventually('the run to fail', async () => {
      const current = await harness.opened.engine.getRun(waiting.runId);
      return current.status === 'failed' ? current : undefined;
    });
    expect(run.error?.code).toBe('rejected');
    expect(run.events.filter((event) => event.type === 'approval.escalated')).toHaveLength(1);
    expect(run.events.filter((event) => event.type === 'approval.expired')).toHaveLength(1);
    await eventually('both cards to show the expiry', () => (hasButtons(card.ts) || hasButtons(waiting.cardTs) ? undefined : true));
    for (const ts of [card.ts, waiting.cardTs]) expect(JSON.stringify(messageAt(ts)?.blocks)).toContain('⌛ Expired');
    await settle();
    expect(thread(ESCALATIONS, root.ts).filter((message) => message.text.startsWith('⏰'))).toHaveLength(1);
  });
});
