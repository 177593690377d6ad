import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpServerFactory } from '../../src/main/mcp-ports.js';
import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import type { CardRow } from '../../slack/cards/card-store.js';
import { APPROVALS_CHANNEL, createSlackHarness, eventually, exampleInput, OUTSIDER, REVIEWER, type SlackHarness } from './slack-harness.js';
import { blockActionBody, stateFromModal, viewSubmissionBody } from './signed-requests.js';

let harness: SlackHarness;

beforeAll(async () => {
  harness = await createSlackHarness('approvals');
}, 60_000);

afterAll(async () => {
  await harness.close();
}, 60_000);

interface Posted {
  readonly runId: string;
  readonly approval: ApprovalView;
  readonly card: CardRow & { card_ts: string; root_ts: string };
}

async function sequenceWaitingForApproval(): Promise<Posted> {
  const { engine } = harness.opened;
  const { runId } = await engine.start('write_cold_sequence', exampleInput('write-cold-sequence'));
  const approval = await eventually('the send gate to open', async () => (await engine.listApprovals({ runId, status: 'pending' }))[0]);
  const card = await eventually('the approval card', async () => {
    const row = await harness.slack.context.cards.get(approval.id);
    return row?.state === 'open' && row.card_ts !== null && row.root_ts !== null ? (row as Posted['card']) : undefined;
  });
  return { runId, approval, card };
}

const click = (posted: Posted, actionId: string, user: string) =>
  harness.sender.post(blockActionBody({ user, channel: APPROVALS_CHANNEL, messageTs: posted.card.card_ts, actionId, value: `${posted.approval.id}|${posted.approval.fingerprint}` }));

const messageAt = (ts: string) => harness.fake.messages.find((message) => message.ts === ts);
const hasButtons = (ts: string) => (messageAt(ts)?.blocks ?? []).some((block) => (block as { type: string }).type === 'actions');

async function openedModal(posted: Posted, actionId: string, user: string) {
  const before = harness.fake.views.length;
  const response = await click(posted, actionId, user);
  expect(response.status).toBe(200);
  const view = await eventually('the modal', () => harness.fake.views[before]);
  return view.view;
}

describe('approval cards over HTTP', () => {
  it('posts a thread root naming the run and account, and the draft with its rules, reasons and buttons in the thread', async () => {
    const posted = await sequenceWaitingForApproval();
    const root = messageAt(posted.card.root_ts);
    const card = messageAt(posted.card.card_ts);
    expect(root?.channel).toBe(APPROVALS_CHANNEL);
    expect(JSON.stringify(root?.blocks)).toContain(posted.runId);
    expect(root?.text).toContain('Northwind Logistics');
    expect(card?.threadTs).toBe(posted.card.root_ts);
    const shown = JSON.stringify(card?.blocks);
    expect(shown).toContain('Email 1:');
    expect(shown).toContain('Checked against');
    expect(shown).toContain('word-count');
    expect(shown).toContain(`${posted.approval.id}|${posted.approval.fingerprint}`);
    expect(hasButtons(posted.card.card_ts)).toBe(true);
  });

  it('records the card\'s permalink, which the approval and an MCP caller\'s get_run both point at', async () => {
    const posted = await sequenceWaitingForApproval();
    const permalink = `https://baton-test.slack.com/archives/${APPROVALS_CHANNEL}/p${posted.card.card_ts.replace('.', '')}?thread_ts=${posted.card.root_ts}&cid=${APPROVALS_CHANNEL}`;
    expect(harness.fake.callsOf('chat.getPermalink').map((call) => call.body['message_ts'])).toContain(posted.card.card_ts);
    expect((await harness.opened.engine.getApproval(posted.approval.id)).slackLink).toBe(permalink);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await (await createMcpServerFactory(harness.baton, harness.opened)).createServer().connect(serverSide);
    const client = new Client({ name: 'slack-link-test', version: '1.0.0' });
    await client.connect(clientSide);
    try {
      const result = await client.callTool({ name: 'get_run', arguments: { runId: posted.runId } });
      const run = result.structuredContent as { pendingApprovals: { approvalId: string; slackLink: string | null }[]; next: string };
      expect(run.pendingApprovals).toEqual([expect.objectContaining({ approvalId: posted.approval.id, slackLink: permalink })]);
      expect(run.next).toContain(permalink);
    } finally {
      await client.close();
    }
  });

  it('edits through a modal: an invalid field is shown inline, a valid edit resumes the run with the edited payload', async () => {
    const posted = await sequenceWaitingForApproval();
    const view = await openedModal(posted, 'approval.edit', REVIEWER);
    expect(view['callback_id']).toBe('approval.edit');
    const submit = (overrides: Record<string, string>) =>
      harness.sender.post(viewSubmissionBody({ user: REVIEWER, viewId: 'V1', callbackId: 'approval.edit', privateMetadata: String(view['private_metadata']), values: stateFromModal(view, overrides) }));

    const invalid = await submit({ 'field:confidence': '1.5', 'field:sequence.signal.keywords': 'Series B\nx' });
    expect(invalid.status).toBe(200);
    const errors = invalid.json();
    expect(errors['response_action']).toBe('errors');
    expect(Object.keys(errors['errors'] as object).sort()).toEqual(['field:confidence', 'field:sequence.signal.keywords']);
    expect((await harness.opened.engine.getApproval(posted.approval.id)).status).toBe('pending');

    const valid = await submit({ 'field:sequence.emails.0.subject': 'Congrats on the Series B' });
    expect(valid.status).toBe(200);
    expect(valid.text).toBe('');
    const run = await eventually('the run to finish', async () => {
      const current = await harness.opened.engine.getRun(posted.runId);
      return current.status === 'succeeded' ? current : undefined;
    });
    expect(JSON.stringify(run.output)).toContain('Congrats on the Series B');
    const decided = await harness.opened.engine.getApproval(posted.approval.id);
    expect(decided).toMatchObject({ status: 'edited', decidedBy: REVIEWER });
    await eventually('the card to be updated in place', () => (hasButtons(posted.card.card_ts) ? undefined : true));
    const updated = JSON.stringify(messageAt(posted.card.card_ts)?.blocks);
    expect(updated).toContain('Approved with edits');
    expect(updated).toContain(`<@${REVIEWER}>`);
    expect(updated).toContain('`sequence.emails.0.subject`');
  });

  it('rejects with a reason from the modal; an empty reason is refused inline', async () => {
    const posted = await sequenceWaitingForApproval();
    const view = await openedModal(posted, 'approval.reject', 'UGROUPMEMBER1');
    const submit = (reason: string) =>
      harness.sender.post(viewSubmissionBody({ user: 'UGROUPMEMBER1', viewId: 'V2', callbackId: 'approval.reject', privateMetadata: String(view['private_metadata']), values: { reason: { value: { type: 'plain_text_input', value: reason } } } }));
    expect((await submit('   ')).json()).toEqual({ response_action: 'errors', errors: { reason: 'Say why the item is rejected.' } });
    expect((await submit('Wrong persona: this account buys through procurement')).status).toBe(200);
    const run = await eventually('the run to fail', async () => {
      const current = await harness.opened.engine.getRun(posted.runId);
      return current.status === 'failed' ? current : undefined;
    });
    expect(run.error?.code).toBe('rejected');
    expect(await harness.opened.engine.getApproval(posted.approval.id)).toMatchObject({ status: 'rejected', decidedBy: 'UGROUPMEMBER1', reason: 'Wrong persona: this account buys through procurement' });
    await eventually('the card to show the rejection', () => (hasButtons(posted.card.card_ts) ? undefined : true));
    expect(JSON.stringify(messageAt(posted.card.card_ts)?.blocks)).toContain('Wrong persona');
  });

  it('refuses a click from someone outside the policy, ephemerally, and decides nothing', async () => {
    const posted = await sequenceWaitingForApproval();
    expect((await click(posted, 'approval.approve', OUTSIDER)).status).toBe(200);
    const refusal = await eventually('the refusal', () => harness.fake.ephemerals.find((ephemeral) => ephemeral.user === OUTSIDER && ephemeral.text.includes('not a reviewer')));
    expect(refusal.channel).toBe(APPROVALS_CHANNEL);
    expect((await harness.opened.engine.getApproval(posted.approval.id)).status).toBe('pending');
    expect(hasButtons(posted.card.card_ts)).toBe(true);
    await click(posted, 'approval.edit', OUTSIDER);
    await eventually('the modal refusal', () => (harness.fake.ephemerals.filter((ephemeral) => ephemeral.user === OUTSIDER).length === 2 ? true : undefined));
  });

  it('takes one decision from 20 concurrent approve clicks by three reviewers; the others are told who decided', async () => {
    const posted = await sequenceWaitingForApproval();
    const users = [REVIEWER, 'UGROUPMEMBER1', 'UGROUPMEMBER2'];
    const before = harness.fake.ephemerals.length;
    const responses = await Promise.all(Array.from({ length: 20 }, (_, index) => click(posted, 'approval.approve', users[index % users.length] ?? REVIEWER)));
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 200));
    const run = await eventually('the run to finish', async () => {
      const current = await harness.opened.engine.getRun(posted.runId);
      return current.status === 'succeeded' ? current : undefined;
    });
    await eventually('19 refusals', () => (harness.fake.ephemerals.length - before === 19 ? true : undefined));
    const decided = await harness.opened.engine.getApproval(posted.approval.id);
    expect(run.events.filter((event) => event.type === 'approval.decided')).toHaveLength(1);
    expect(harness.fake.ephemerals.slice(before).every((ephemeral) => ephemeral.text.startsWith('This was already approved by'))).toBe(true);
    expect(users).toContain(decided.decidedBy);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.fake.ephemerals.length - before).toBe(19);
  });

  it('answers a forged or replayed request with 401 and changes nothing', async () => {
    const posted = await sequenceWaitingForApproval();
    const body = blockActionBody({ user: REVIEWER, channel: APPROVALS_CHANNEL, messageTs: posted.card.card_ts, actionId: 'approval.approve', value: `${posted.approval.id}|${posted.approval.fingerprint}` });
    const calls = harness.fake.calls.length;
    expect((await harness.sender.post(body, { secret: 'not-the-signing-secret' })).status).toBe(401);
    expect((await harness.sender.post(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await harness.opened.engine.getApproval(posted.approval.id)).status).toBe('pending');
    expect(harness.fake.calls.slice(calls).filter((call) => call.method !== 'chat.postMessage' && call.method !== 'chat.update')).toEqual([]);
    expect(hasButtons(posted.card.card_ts)).toBe(true);
  });

  it('reconciles after a restart: a card decided elsewhere is updated, an undelivered one is posted', async () => {
    const decidedElsewhere = await sequenceWaitingForApproval();
    await harness.stopSlackApp();
    const { engine } = harness.opened;
    await engine.decide({ approvalId: decidedElsewhere.approval.id, fingerprint: decidedElsewhere.approval.fingerprint, decision: { decision: 'approve' }, reviewer: { id: REVIEWER, via: 'cli' } });
    const { runId } = await engine.start('write_cold_sequence', exampleInput('write-cold-sequence'));
    const undelivered = await eventually('a gate opened while Slack was down', async () => (await engine.listApprovals({ runId, status: 'pending' }))[0]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await harness.slack.context.cards.get(undelivered.id)).toBeUndefined();
    expect(hasButtons(decidedElsewhere.card.card_ts)).toBe(true);

    await harness.startSlackApp();
    await eventually('the decided card to be updated', () => (hasButtons(decidedElsewhere.card.card_ts) ? undefined : true));
    expect(JSON.stringify(messageAt(decidedElsewhere.card.card_ts)?.blocks)).toContain('Approved');
    const card = await eventually('the undelivered card', async () => ((await harness.slack.context.cards.get(undelivered.id))?.state === 'open' ? true : undefined));
    expect(card).toBe(true);
    expect(harness.fake.messages.filter((message) => JSON.stringify(message.blocks).includes(`${undelivered.id}|`))).toHaveLength(1);
  });

  it('waits out a 429 on chat.postMessage and delivers the card once', async () => {
    harness.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const posted = await sequenceWaitingForApproval();
    expect(harness.fake.callsOf('chat.postMessage').some((call) => call.status === 429)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(harness.fake.messages.filter((message) => JSON.stringify(message.blocks).includes(`${posted.approval.id}|`))).toHaveLength(1);
    expect(harness.fake.messages.filter((message) => message.threadTs === undefined && JSON.stringify(message.blocks).includes(posted.runId))).toHaveLength(1);
  });
});
