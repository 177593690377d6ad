import { z } from 'zod';
import { SequenceEmailSchema } from '../contracts/email-sequence.js';
import { InboundReplySchema } from '../reply-classifier/reply-schemas.js';

/** A reply is an email draft with the same shape as a sequence email: a subject and a body. */
export const ReplyDraftSchema = SequenceEmailSchema;

const isoDateTime = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with a time zone, like 2026-11-24T15:00:00Z' });

export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const BookingSchema = z.object({
  link: z.url({ protocol: /^https?$/, error: 'expected an http(s) booking link, like https://cal.example/dana' }),
  timezone: z.string().refine(isIanaTimeZone, { error: 'expected an IANA time zone, like America/New_York' }),
  slots: z.array(isoDateTime).min(2, 'offer at least 2 slots').max(10, 'offer at most 10 slots'),
});
export type Booking = z.infer<typeof BookingSchema>;

export const MeetingBookerInputSchema = z.object({ reply: InboundReplySchema, booking: BookingSchema });
export type MeetingBookerInput = z.infer<typeof MeetingBookerInputSchema>;

export const MeetingReplySchema = z.object({
  replyDraft: ReplyDraftSchema,
  proposedTimes: z.array(isoDateTime).min(2, 'propose at least 2 times').max(3, 'propose at most 3 times'),
  bookingLink: z.url(),
  confidence: z.number().min(0).max(1),
});
export type MeetingReply = z.infer<typeof MeetingReplySchema>;
