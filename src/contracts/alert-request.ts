import { z } from 'zod';
import { defineEffect } from './effect-contract.js';

/** Who an alert is for: a person (a CRM user, delivered as a DM) or a named channel. */
export const AlertAudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string().min(1).max(64), name: z.string().max(120).optional() }),
  z.object({ kind: z.literal('channel'), channel: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,79}$/, 'expected a channel name such as deal-desk') }),
]);

export const ALERT_KINDS = ['new_lead', 'deal_risk', 'manager_rollup', 'comp_audit'] as const;

/** One alert as an agent renders it; the Slack app delivers it, anything else may subscribe to the event. */
export const AlertSchema = z.object({
  kind: z.enum(ALERT_KINDS),
  audience: AlertAudienceSchema,
  severity: z.enum(['info', 'warning', 'critical']),
  title: z.string().min(1).max(150),
  /** Markdown, short enough for one Slack section block. */
  body: z.string().min(1).max(3_000),
  /** The records it is about, so a reader can open them. */
  records: z.array(z.object({ type: z.string().min(1), id: z.string().min(1) })).max(50).default([]),
});
export type Alert = z.infer<typeof AlertSchema>;

/** Published per alert: `alert.requested`, carrying the run and trace that produced it. */
export const AlertRequestedEventSchema = AlertSchema.extend({ runId: z.string(), traceId: z.string(), step: z.string() });
export type AlertRequestedEvent = z.infer<typeof AlertRequestedEventSchema>;

export const ALERT_REQUESTED = 'alert.requested';

export const alertsRequest = defineEffect({
  name: 'alerts.request',
  description: `Publishes one ${ALERT_REQUESTED} event per alert (none for an empty list); a redelivered step publishes the same event ids, so nothing is announced twice.`,
  input: z.object({ alerts: z.array(AlertSchema).max(50) }),
  output: z.object({ eventIds: z.array(z.string()), alerts: z.array(AlertSchema) }),
});
