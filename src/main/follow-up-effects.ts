import { createHash } from 'node:crypto';
import type { EventBus } from '../../queues/events/index.js';
import { FOLLOW_UP_DUE, followUpSchedule } from '../contracts/follow-up.js';
import { bindEffect } from './bind-effect.js';

/** `follow_ups.schedule` bound to the event bus: the event is delivered at the follow-up time. */
export function createFollowUpEffects(events: EventBus) {
  return bindEffect(followUpSchedule, async (input, context) => {
    const eventId = `follow-up-${createHash('sha256').update(context.idempotencyKey).digest('hex').slice(0, 32)}`;
    await events.publish(
      { id: eventId, type: FOLLOW_UP_DUE, traceId: context.traceId, data: { ...input, runId: context.runId } },
      { deliverAt: new Date(input.followUpAt) },
    );
    return { ...input, followUp: { eventId, event: FOLLOW_UP_DUE, dueAt: input.followUpAt } };
  });
}
