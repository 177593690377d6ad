import { createHash } from 'node:crypto';
import type { EventBus } from '../../queues/events/index.js';
import { ALERT_REQUESTED, alertsRequest } from '../contracts/alert-request.js';
import { bindEffect } from './bind-effect.js';

/** `alerts.request` bound to the event bus. Event ids derive from the step, so a retried step re-publishes the same ids (a no-op). */
export function createAlertEffects(events: EventBus) {
  return bindEffect(alertsRequest, async ({ alerts }, context) => {
    const eventIds = await Promise.all(
      alerts.map((alert, index) => {
        const id = `alert-${createHash('sha256').update(`${context.idempotencyKey}#${index}`).digest('hex').slice(0, 32)}`;
        return events.publish({ id, type: ALERT_REQUESTED, traceId: context.traceId, data: { ...alert, runId: context.runId, traceId: context.traceId, step: context.stepKey } });
      }),
    );
    return { eventIds, alerts };
  });
}
