import { describeSlot, hourOf, weekdayOf } from './booking-slots.js';
import type { MeetingBookerInput, MeetingReply } from './meeting-booker-schemas.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

interface Preference {
  readonly days: readonly string[];
  readonly part: 'morning' | 'afternoon' | undefined;
}

/**
 * Offline mode's booker: the slots on the days and part of day the reply names, topped up with
 * the earliest others when fewer than two fit; two or three of them, in the booking time zone, and the link for anything else.
 */
export function simulateMeetingReply(input: MeetingBookerInput): MeetingReply {
  const { reply, booking } = input;
  const preference = preferenceOf(reply.text);
  const fits = (slot: string) => fitsPreference(slot, preference, booking.timezone);
  const upcoming = upcomingSlots(booking.slots, reply.receivedAt);
  const preferred = upcoming.filter(fits);
  const candidates = preferred.length >= 2 ? preferred : [...preferred, ...upcoming.filter((slot) => !fits(slot))];
  const chosen = candidates.slice(0, 3).sort((left, right) => Date.parse(left) - Date.parse(right));
  const named = preference.days.length > 0 || preference.part !== undefined;
  const subject = reply.subject === undefined ? 'Finding a time' : `Re: ${reply.subject.replace(/^re:\s*/i, '')}`;
  return {
    replyDraft: {
      subject: `[simulated] ${subject}`,
      body: [
        'Thanks for getting back to me. Would one of these times work for you?',
        chosen.map((slot) => describeSlot(slot, booking.timezone)).join('\n'),
        `If none of them suit you, pick any open time here: ${booking.link}`,
      ].join('\n\n'),
    },
    proposedTimes: chosen,
    bookingLink: booking.link,
    confidence: !named ? 0.65 : preferred.length > 0 ? 0.8 : 0.5,
  };
}

function preferenceOf(text: string): Preference {
  const lower = text.toLowerCase();
  const part = lower.includes('afternoon') ? 'afternoon' : lower.includes('morning') ? 'morning' : undefined;
  return { days: WEEKDAYS.filter((day) => lower.includes(day)), part };
}

function fitsPreference(slot: string, preference: Preference, timeZone: string): boolean {
  const dayFits = preference.days.length === 0 || preference.days.includes(weekdayOf(slot, timeZone));
  const hour = hourOf(slot, timeZone);
  const partFits = preference.part === undefined || (preference.part === 'afternoon' ? hour >= 12 : hour < 12);
  return dayFits && partFits;
}

/** Slots after the reply arrived, earliest first; all of them if fewer than two are left. */
function upcomingSlots(slots: readonly string[], receivedAt: string | undefined): string[] {
  const sorted = [...slots].sort((left, right) => Date.parse(left) - Date.parse(right));
  const after = receivedAt === undefined ? sorted : sorted.filter((slot) => Date.parse(slot) > Date.parse(receivedAt));
  return after.length >= 2 ? after : sorted;
}
