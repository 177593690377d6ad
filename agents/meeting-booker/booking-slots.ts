import type { Booking, MeetingBookerInput, MeetingReply } from './meeting-booker-schemas.js';

/** The offered slot at the same instant as `time`, whatever offset or precision either is written with. */
export function offeredSlot(time: string, booking: Booking): string | undefined {
  const instant = Date.parse(time);
  return booking.slots.find((slot) => Date.parse(slot) === instant);
}

/** Times from the offered slots only, each once, and the booking link in the body as given. */
export function bookingProblems(answer: MeetingReply, input: MeetingBookerInput): string[] {
  const { booking } = input;
  const offered = booking.slots.join(', ');
  const foreign = answer.proposedTimes
    .map((time, index) => ({ time, index }))
    .filter(({ time }) => offeredSlot(time, booking) === undefined)
    .map(({ time, index }) => `proposedTimes[${index}] ${time} is not one of the offered slots: choose only from ${offered}`);
  const instants = answer.proposedTimes.map((time) => Date.parse(time));
  const repeated = instants.some((instant, index) => instants.indexOf(instant) !== index) ? ['proposedTimes lists the same time twice: propose different slots'] : [];
  const link = answer.replyDraft.body.includes(booking.link) ? [] : [`replyDraft.body does not contain the booking link ${booking.link}: include it exactly as given`];
  const bookingLink = answer.bookingLink === booking.link ? [] : [`bookingLink must be the offered link ${booking.link}, not ${answer.bookingLink}`];
  return [...foreign, ...repeated, ...link, ...bookingLink];
}

/** Proposed times as the calendar wrote them, so a caller can match them to its own slots by string. */
export function useOfferedSlots(answer: MeetingReply, input: MeetingBookerInput): MeetingReply {
  return { ...answer, proposedTimes: answer.proposedTimes.map((time) => offeredSlot(time, input.booking) ?? time) };
}

/** "Tuesday, November 24 at 10:00 AM EST": how a slot reads to the prospect, in the booking time zone. */
export function describeSlot(slot: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(slot));
}

export function weekdayOf(slot: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long' }).format(new Date(slot)).toLowerCase();
}

export function hourOf(slot: string, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(new Date(slot)));
}
