import { z } from 'zod';
import { ContactRefSchema } from '../contracts/contact-ref.js';
import { InboundReplySchema } from '../reply-classifier/reply-schemas.js';

export const OutOfOfficeInputSchema = z.object({
  reply: InboundReplySchema,
  /** When the notice arrived: the anchor for the year of "until March 4" and for the fallback follow-up. */
  receivedAt: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with a time zone, like 2026-11-20T15:42:00Z' }),
  contact: ContactRefSchema.optional(),
});
export type OutOfOfficeInput = z.infer<typeof OutOfOfficeInputSchema>;

/** What the model reads out of the notice; the follow-up time is code's arithmetic, never the model's. */
export const OutOfOfficeReadingSchema = z.object({
  returnDate: z.iso.date({ error: 'expected an ISO date like 2026-03-04, or null' }).nullable(),
  /** The reply's own words that give the return date ("until Monday, December 1"), quoted exactly. */
  returnDateText: z.string().trim().min(1).max(200).nullable(),
  alternateContact: z.email().nullable(),
  confidence: z.number().min(0).max(1),
});
export type OutOfOfficeReading = z.infer<typeof OutOfOfficeReadingSchema>;

export const OutOfOfficeScheduleSchema = z.object({
  returnDate: z.iso.date().nullable(),
  /** The return date plus one business day at 09:00 UTC, or seven days after the notice when no date is given. */
  followUpAt: z.iso.datetime(),
  alternateContact: z.email().nullable(),
  confidence: z.number().min(0).max(1),
  /** Passed on from the input: whose follow-up this is. */
  contact: ContactRefSchema.optional(),
});
export type OutOfOfficeSchedule = z.infer<typeof OutOfOfficeScheduleSchema>;
