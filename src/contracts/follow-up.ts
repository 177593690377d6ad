import { z } from 'zod';
import { defineEffect } from './effect-contract.js';

const RecordRefSchema = z.object({ type: z.enum(['Contact', 'Lead']), id: z.string().min(1).max(64) });

export const FOLLOW_UP_DUE = 'follow_up.due' as const;

/**
 * An out-of-office reply postpones the conversation: a `follow_up.due` event is queued for the
 * follow-up time as a delayed job, where a trigger can start the next touch. Nothing waits in
 * memory, and a redelivered step queues the same event id (a no-op).
 */
export const followUpSchedule = defineEffect({
  name: 'follow_ups.schedule',
  description: `Queues a ${FOLLOW_UP_DUE} event for the follow-up time (a delayed job).`,
  input: z.object({
    followUpAt: z.iso.datetime(),
    returnDate: z.iso.date().nullable(),
    alternateContact: z.email().nullable(),
    confidence: z.number().min(0).max(1),
    contact: RecordRefSchema.optional(),
  }),
  output: z.object({
    followUpAt: z.iso.datetime(),
    returnDate: z.iso.date().nullable(),
    alternateContact: z.email().nullable(),
    confidence: z.number().min(0).max(1),
    contact: RecordRefSchema.optional(),
    followUp: z.object({ eventId: z.string(), event: z.literal(FOLLOW_UP_DUE), dueAt: z.iso.datetime() }),
  }),
});
