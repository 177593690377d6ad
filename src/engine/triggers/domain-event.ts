import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** `noun.verb` in lower case (`lead.created`, `deal_stage.changed`): the house naming for events. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

/**
 * An event id is also its queue job id, so it keeps to what BullMQ accepts there: no colons
 * and not a bare integer (both are reserved for BullMQ's own ids).
 */
const EVENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export const DomainEventSchema = z.strictObject({
  id: z
    .string()
    .regex(EVENT_ID_PATTERN, 'must be 1-128 letters, digits, "-", "_" or "." (a UUID fits)')
    .refine((id) => !/^\d+$/.test(id), 'must not be a bare integer (BullMQ reserves those for its own job ids)')
    .default(() => randomUUID()),
  type: z.string().regex(EVENT_TYPE_PATTERN, 'must be noun.verb in lower case, like lead.created'),
  data: z.unknown(),
  occurredAt: z.iso.datetime({ offset: true }).default(() => new Date().toISOString()),
  traceId: z.string().min(1).optional(),
});

/** A parsed event: id and occurredAt always present. */
export type DomainEvent = z.output<typeof DomainEventSchema>;
/** What a publisher passes: id (a new UUID) and occurredAt (now) may be left out. */
export type DomainEventInput = z.input<typeof DomainEventSchema>;
