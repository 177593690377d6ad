import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEventWorker, type EventWorker } from '../../queues/events/index.js';
import { slackEventObserver } from '../../src/main/slack-event-relay.js';
import { ALERTS_CHANNEL, APPROVALS_CHANNEL, createSlackHarness, eventually, exampleInput, type SlackHarness } from './slack-harness.js';
import { blockActionBody } from './signed-requests.js';

let harness: SlackHarness;
let events: EventWorker;

beforeAll(async () => {
  harness = await createSlackHarness('alerts', { settings: {} });
  const { opened, baton } = harness;
  const starter = { start: () => Promise.reject(new Error('no trigger is configured')) };
  events = await startEventWorker({ connection: opened.redis, prefix: opened.prefix, logger: baton.logger, triggers: [], starter, observers: [slackEventObserver(opened)] });
}, 60_000);

afterAll(async () => {
  await events.close();
  await harness.close();
}, 60_000);

describe('classification cards and alerts', () => {
  it('shows an unsure classification with its categories as buttons; a pick re-routes the run', async () => {
    const input = { ...(exampleInput('handle-reply') as Record<string, unknown>), reply: { from: 'j.park@initech.example', subject: 'Re: intro', text: 'Maybe. Forwarding to Priya.' } };
    const { engine } = harness.opened;
    const { runId } = await engine.start('handle_reply', input);
    const approval = await eventually('the routing review', async () => (await engine.listApprovals({ runId, status: 'pending' }))[0]);
    expect(approval.kind).toBe('review');
    const card = await eventually('the card', async () => {
      const row = await harness.slack.context.cards.get(approval.id);
      return row?.state === 'open' && row.card_ts !== null ? row : undefined;
    });
    const message = harness.fake.messages.find((candidate) => candidate.ts === card.card_ts);
    const actions = (message?.blocks ?? []).find((block) => (block as { type: string }).type === 'actions') as { elements: { action_id: string; value: string; text: { text: string } }[] };
    expect(actions.elements).toHaveLength(3);
    expect(actions.elements[0]?.text.text).toMatch(/\(\d+%\)$/);
    const question = actions.elements.find((element) => element.value.endsWith('|question'));
    const pick = question ?? actions.elements[1];
    if (pick === undefined) throw new Error('no category button');
    await harness.sender.post(blockActionBody({ user: 'UANYONE', channel: APPROVALS_CHANNEL, messageTs: card.card_ts ?? '', actionId: pick.action_id, value: pick.value }));
    const decided = await eventually('the pick', async () => {
      const current = await engine.getApproval(approval.id);
      return current.status === 'pending' ? undefined : current;
    });
    const category = pick.value.split('|')[2];
    expect(decided).toMatchObject({ status: 'edited', decidedBy: 'UANYONE', editedPayload: expect.objectContaining({ category }) as unknown });
    await eventually('the run to move on', async () => ((await engine.getRun(runId)).status === 'waiting_for_human' ? undefined : true));
    const examples = (await engine.labelledExamples()).filter((example) => example.runId === runId);
    expect(examples).toEqual([expect.objectContaining({ approvalId: approval.id, label: category, labelledBy: 'UANYONE', via: 'slack', input: expect.objectContaining({ reply: expect.objectContaining({ text: 'Maybe. Forwarding to Priya.' }) as unknown }) as unknown })]);
  });

  it('posts an alert.requested event to its audience once, even when the event is published twice', async () => {
    const alert = { kind: 'deal_risk', audience: { kind: 'user', userId: 'UREP1', name: 'Ana' }, severity: 'warning', title: 'Globex renewal at risk', body: 'No activity for 21 days; champion left.', records: [{ type: 'Opportunity', id: '006A1' }], runId: 'run-1', traceId: 'run-1', step: 'alerts' };
    await harness.opened.events.publish({ id: 'alert-evt-1', type: 'alert.requested', data: alert });
    const posted = await eventually('the alert', () => harness.fake.messages.find((message) => message.text.includes('Globex renewal at risk')));
    expect(posted.channel).toBe('DREP1');
    await harness.opened.events.publish({ id: 'alert-evt-1', type: 'alert.requested', data: alert });
    await harness.opened.events.publish({ id: 'breaker-evt-1', type: 'breaker.opened', data: { name: 'agent:email-writer', state: 'open', consecutiveFailures: 5, openedAt: null, retryAt: null } });
    await eventually('the breaker notice', () => harness.fake.messages.find((message) => message.channel === ALERTS_CHANNEL && message.text.includes('agent:email-writer')));
    expect(harness.fake.messages.filter((message) => message.text.includes('Globex renewal at risk'))).toHaveLength(1);
  });

  it('posts a breaker closing once: the success after an opening, not the successes after it', async () => {
    const { breakers } = harness.opened;
    const name = 'agent:closing-test';
    for (let failure = 0; failure < 5; failure += 1) await breakers.recordFailure([name]);
    await eventually('the opening', () => harness.fake.messages.find((message) => message.channel === ALERTS_CHANNEL && message.text === `Circuit breaker ${name} opened`));
    await Promise.all([breakers.recordSuccess([name]), breakers.recordSuccess([name]), breakers.recordSuccess([name])]);
    const closing = await eventually('the closing', () => harness.fake.messages.find((message) => message.text === `Circuit breaker ${name} closed`));
    expect(closing.channel).toBe(ALERTS_CHANNEL);
    expect(JSON.stringify(closing.blocks)).toContain('its work flows again');
    await breakers.recordSuccess([name]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(harness.fake.messages.filter((message) => message.text === `Circuit breaker ${name} closed`)).toHaveLength(1);
  });

  it('posts the daily digest with runs, approvals waiting and cost', async () => {
    await harness.slack.queue.enqueue({ kind: 'digest' });
    const digest = await eventually('the digest', () => harness.fake.messages.find((message) => message.channel === ALERTS_CHANNEL && message.text.startsWith('Baton daily digest')));
    const text = JSON.stringify(digest.blocks);
    expect(text).toContain('*Approvals waiting*');
    expect(text).toMatch(/\*Runs\*: [1-9]/);
    expect(text).toContain('*Cost*: $');
  });
});
