import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedCrm } from '../../crm/embedded/index.js';
import { APPROVALS_CHANNEL, createSlackHarness, eventually, exampleInput, GROUP, OUTSIDER, REVIEWER, type SlackHarness } from './slack-harness.js';
import { blockActionBody } from './signed-requests.js';

const OWNER = 'UOWNER1';
const MANAGER = 'UMANAGER1';
const OWNER_DM = 'DOWNER1';
const policy = { risk: 'high', reviewers: { users: [REVIEWER], groups: [GROUP] }, expiresInMinutes: 1_440, onExpiry: 'escalate', escalateTo: { users: [MANAGER], groups: [] } };
const SETTINGS = {
  slack: { users: { '005OWNER': OWNER, '005MANAGER': MANAGER } },
  reviewPolicies: { send_sequence: { ...policy, allowRecordOwner: true, allowOwnerManager: true } },
};

let harness: SlackHarness;

beforeAll(async () => {
  harness = await createSlackHarness('owners', { settings: SETTINGS });
  await createEmbeddedCrm({ sql: (await harness.baton.store()).sql }).insertRecords([
    { type: 'User', id: '005OWNER', fields: { Name: 'Priya Raman', ManagerId: '005MANAGER' } },
    { type: 'User', id: '005MANAGER', fields: { Name: 'Grace Whitfield', ManagerId: null } },
    { type: 'User', id: '005UNMAPPED', fields: { Name: 'Luis Ortega', ManagerId: '005MANAGER' } },
    { type: 'Contact', id: '003DANA', fields: { Name: 'Dana Ortiz', Email: 'dana.ortiz@northwind-logistics.com', OwnerId: '005OWNER' } },
    { type: 'Contact', id: '003KIM', fields: { Name: 'Kim Lee', Email: 'kim.lee@northwind-logistics.com', OwnerId: '005UNMAPPED' } },
  ]);
}, 60_000);

afterAll(async () => {
  await harness.close();
}, 60_000);

/** The cold sequence for one contact, waiting at its send gate with a posted card. */
async function waitingFor(email: string) {
  const { engine } = harness.opened;
  const input = exampleInput('write-cold-sequence') as { contacts: Record<string, unknown>[] };
  const { runId } = await engine.start('write_cold_sequence', { ...input, contacts: [{ ...input.contacts[0], email }] });
  const approval = await eventually('the send gate to open', async () => (await engine.listApprovals({ runId, status: 'pending' })).find((candidate) => candidate.action === 'send_sequence'));
  const card = await eventually('the approval card', async () => {
    const row = await harness.slack.context.cards.get(approval.id);
    return row?.state === 'open' && row.card_ts !== null && row.root_ts !== null ? { channel: row.channel, cardTs: row.card_ts, rootTs: row.root_ts } : undefined;
  });
  return { runId, approval, card };
}

const messageAt = (ts: string) => harness.fake.messages.find((message) => message.ts === ts);
const hasButtons = (ts: string) => (messageAt(ts)?.blocks ?? []).some((block) => (block as { type: string }).type === 'actions');

describe("approval cards in the record owner's DM", () => {
  it("posts the card to the contact owner's DM, where the owner decides and an outsider is refused", async () => {
    const { approval, card } = await waitingFor('dana.ortiz@northwind-logistics.com');
    expect(approval.reviewers.users).toEqual([REVIEWER, OWNER, MANAGER]);
    expect(card.channel).toBe(OWNER_DM);
    expect(harness.fake.callsOf('conversations.open').map((call) => call.body['users'])).toContain(OWNER);
    expect(messageAt(card.rootTs)?.channel).toBe(OWNER_DM);
    expect(JSON.stringify(messageAt(card.rootTs)?.blocks)).toContain(`Contact 003DANA is owned by <@${OWNER}>`);
    expect(messageAt(card.cardTs)?.threadTs).toBe(card.rootTs);

    const value = `${approval.id}|${approval.fingerprint}`;
    await harness.sender.post(blockActionBody({ user: OUTSIDER, channel: OWNER_DM, messageTs: card.cardTs, actionId: 'approval.approve', value }));
    await eventually('the refusal', () => harness.fake.ephemerals.find((ephemeral) => ephemeral.user === OUTSIDER && ephemeral.channel === OWNER_DM && ephemeral.text.includes('not a reviewer')));
    expect((await harness.opened.engine.getApproval(approval.id)).status).toBe('pending');

    await harness.sender.post(blockActionBody({ user: OWNER, channel: OWNER_DM, messageTs: card.cardTs, actionId: 'approval.approve', value }));
    await eventually('the decision', async () => ((await harness.opened.engine.getApproval(approval.id)).status === 'approved' ? true : undefined));
    expect((await harness.opened.engine.getApproval(approval.id)).decidedBy).toBe(OWNER);
    await eventually('the card to close in the DM', () => (hasButtons(card.cardTs) ? undefined : true));
    expect(JSON.stringify(messageAt(card.cardTs)?.blocks)).toContain(`Approved* by <@${OWNER}>`);
    expect(harness.fake.messages.filter((message) => message.channel === APPROVALS_CHANNEL && JSON.stringify(message.blocks).includes(approval.runId))).toEqual([]);
  });

  it("falls back to the approvals channel when the owner has no Slack id, where the owner's manager decides", async () => {
    const { approval, card } = await waitingFor('kim.lee@northwind-logistics.com');
    expect(approval.reviewers.owner).toMatchObject({ ownerId: '005UNMAPPED', managerId: '005MANAGER', managerReviewer: MANAGER, record: { type: 'Contact', id: '003KIM' } });
    expect(approval.reviewers.users).toEqual([REVIEWER, MANAGER]);
    expect(card.channel).toBe(APPROVALS_CHANNEL);
    expect(JSON.stringify(messageAt(card.rootTs)?.blocks)).toContain('Contact 003KIM is owned by CRM user 005UNMAPPED');
    await harness.sender.post(blockActionBody({ user: MANAGER, channel: APPROVALS_CHANNEL, messageTs: card.cardTs, actionId: 'approval.approve', value: `${approval.id}|${approval.fingerprint}` }));
    await eventually('the card to close', () => (hasButtons(card.cardTs) ? undefined : true));
    expect(await harness.opened.engine.getApproval(approval.id)).toMatchObject({ status: 'approved', decidedBy: MANAGER });
  });

  it('falls back to the approvals channel when the run names no known contact', async () => {
    const { approval, card } = await waitingFor('nobody@northwind-logistics.com');
    expect(approval.reviewers).toEqual({ users: [REVIEWER], groups: [GROUP] });
    expect(card.channel).toBe(APPROVALS_CHANNEL);
  });

  it("escalates a card from the owner's DM to the approvals channel, where the escalation reviewers can see it", async () => {
    const { approval, card } = await waitingFor('dana.ortiz@northwind-logistics.com');
    expect(card.channel).toBe(OWNER_DM);
    await (await harness.baton.store()).sql.query(`UPDATE approvals SET expires_at = now() - interval '1 second' WHERE id = $1`, [approval.id]);
    expect(await harness.opened.engine.sweepExpiredApprovals()).toEqual({ escalated: 1, expired: 0 });
    const escalation = await eventually('the escalation card', () => harness.fake.messages.find((message) => message.channel === APPROVALS_CHANNEL && JSON.stringify(message.blocks).includes(`${approval.id}|`)));
    expect(hasButtons(escalation.ts)).toBe(true);
    const note = await eventually('the note in the DM thread', () => harness.fake.messages.find((message) => message.channel === OWNER_DM && message.threadTs === card.rootTs && message.text.startsWith('⏫')));
    expect(note.text).toContain(`<#${APPROVALS_CHANNEL}>`);
    await harness.sender.post(blockActionBody({ user: MANAGER, channel: APPROVALS_CHANNEL, messageTs: escalation.ts, actionId: 'approval.approve', value: `${approval.id}|${approval.fingerprint}` }));
    await eventually('both cards to close', () => (hasButtons(escalation.ts) || hasButtons(card.cardTs) ? undefined : true));
    expect(await harness.opened.engine.getApproval(approval.id)).toMatchObject({ status: 'approved', decidedBy: MANAGER });
  });
});
