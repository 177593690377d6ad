import { AlertRequestedEventSchema, ALERT_REQUESTED } from '../../src/contracts/alert-request.js';
import type { SlackContext } from '../app/slack-context.js';
import { validatedMessage } from '../blocks/validated-message.js';
import type { SlackJob } from '../work/slack-job.js';
import { alertMessage, breakerMessage } from './alert-blocks.js';

type EventJob = Extract<SlackJob, { kind: 'event' }>;

/** The domain events the Slack app posts; the event worker hands these over as jobs. */
export const SLACK_EVENT_TYPES = [ALERT_REQUESTED, 'breaker.opened', 'breaker.closed'] as const;

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * Posts an alert or a breaker change once per event (a notice keyed by the event id, so a
 * retried job does not post twice). An alert for a person whose id is a Slack user goes to their
 * DM; one for a named channel goes there; anything else to the alerts channel.
 */
export async function deliverEvent(context: SlackContext, job: EventJob): Promise<void> {
  const key = `event:${job.eventId}`;
  const existing = await context.cards.getNotice(key);
  if (existing?.state === 'done') return;
  const { channel, message } = await render(context, job);
  await context.cards.claimNotice({ key, kind: 'event', channel, state: 'posting' });
  const posted = await context.client.chat.postMessage({ channel, ...validatedMessage(message) });
  await context.cards.updateNotice(key, { ...(posted.ts === undefined ? {} : { ts: posted.ts }), state: 'done' });
}

async function render(context: SlackContext, job: EventJob) {
  if (job.type !== ALERT_REQUESTED) {
    const state = job.data as { name: string; consecutiveFailures?: number; retryAt?: string | null };
    return { channel: context.channels.alerts, message: breakerMessage(job.type, state) };
  }
  const alert = AlertRequestedEventSchema.parse(job.data);
  if (alert.audience.kind === 'channel') return { channel: `#${alert.audience.channel}`, message: alertMessage(alert, undefined) };
  if (SLACK_USER_ID.test(alert.audience.userId)) {
    const opened = await context.client.conversations.open({ users: alert.audience.userId });
    const dm = opened.channel?.id;
    if (dm !== undefined) return { channel: dm, message: alertMessage(alert, undefined) };
  }
  return { channel: context.channels.alerts, message: alertMessage(alert, alert.audience.name ?? alert.audience.userId) };
}
