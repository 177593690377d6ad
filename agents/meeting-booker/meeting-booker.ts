import { defineAgent } from '../runtime/define-agent.js';
import { bookingProblems, useOfferedSlots } from './booking-slots.js';
import { MeetingBookerInputSchema, MeetingReplySchema } from './meeting-booker-schemas.js';
import { simulateMeetingReply } from './simulate-meeting-reply.js';

/**
 * The specialist for positive replies: proposes 2 or 3 of the calendar's own slots and the
 * booking link. It never invents a time: every proposal must be an offered slot.
 */
export const meetingBooker = defineAgent({
  name: 'meeting-booker',
  description:
    'Drafts the answer to a positive reply: proposes 2 or 3 times chosen from the offered calendar slots, in the booking time zone, with the booking link.',
  input: MeetingBookerInputSchema,
  output: MeetingReplySchema,
  finalize: useOfferedSlots,
  tier: 'balanced',
  prompt: 'meeting-booker.md',
  timeoutMs: 45_000,
  maxOutputTokens: 1024,
  reads: ['reply', 'booking'],
  checks: [
    {
      name: 'offered-slots-and-link',
      description: 'Every proposed time is an offered slot, none twice, and the body carries the booking link exactly.',
      run: bookingProblems,
    },
  ],
  simulate: simulateMeetingReply,
});
