import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackSocket } from '../fakes/fake-slack-socket.js';
import { APPROVALS_CHANNEL, createSlackHarness, eventually, exampleInput, REVIEWER, type SlackHarness } from './slack-harness.js';

const APP_TOKEN = 'xapp-1-test-app-token';
let socket: FakeSlackSocket;
let harness: SlackHarness;

beforeAll(async () => {
  socket = await FakeSlackSocket.start();
  harness = await createSlackHarness('socket', { env: { SLACK_MODE: 'socket', SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: '' }, socket: { url: socket.url, appToken: APP_TOKEN } });
  await socket.waitForConnection();
}, 60_000);

afterAll(async () => {
  await harness.close();
  await socket.close();
}, 60_000);

describe('Socket Mode', () => {
  it('connects out through apps.connections.open and acks a slash command envelope with its answer', async () => {
    expect(harness.fake.callsOf('apps.connections.open')).toHaveLength(1);
    const ack = await socket.send('slash_commands', { command: '/baton', text: 'help', user_id: REVIEWER, channel_id: APPROVALS_CHANNEL, team_id: 'T0BATON', response_url: harness.fake.responseUrl('socket-help'), trigger_id: 'socket.1' });
    expect(ack['payload']).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/baton runs') as unknown });
  });

  it('takes an approve click as an interactive envelope and decides it once', async () => {
    const { engine } = harness.opened;
    const { runId } = await engine.start('write_cold_sequence', exampleInput('write-cold-sequence'));
    const approval = await eventually('the gate', async () => (await engine.listApprovals({ runId, status: 'pending' }))[0]);
    const card = await eventually('the card', async () => {
      const row = await harness.slack.context.cards.get(approval.id);
      return row?.state === 'open' ? row : undefined;
    });
    const started = Date.now();
    const ack = await socket.send('interactive', {
      type: 'block_actions',
      user: { id: REVIEWER, team_id: 'T0BATON' },
      team: { id: 'T0BATON' },
      channel: { id: APPROVALS_CHANNEL },
      container: { type: 'message', message_ts: card.card_ts, channel_id: APPROVALS_CHANNEL },
      message: { ts: card.card_ts },
      trigger_id: 'socket.2',
      actions: [{ type: 'button', action_id: 'approval.approve', block_id: 'approval', value: `${approval.id}|${approval.fingerprint}`, action_ts: '1800000000.000001' }],
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(typeof ack['envelope_id']).toBe('string');
    const run = await eventually('the run to finish', async () => {
      const current = await engine.getRun(runId);
      return current.status === 'succeeded' ? current : undefined;
    });
    expect(run.events.filter((event) => event.type === 'approval.decided')).toHaveLength(1);
    expect((await engine.getApproval(approval.id)).decidedBy).toBe(REVIEWER);
  });
});
