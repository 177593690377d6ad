import type { OutOfOfficeInput, OutOfOfficeReading } from './out-of-office-schemas.js';

const MAX_AWAY_DAYS = 366;

/** A return date must be quoted from the notice, not inferred from nowhere. */
export function quotedDateProblems(reading: OutOfOfficeReading, input: OutOfOfficeInput): string[] {
  if (reading.returnDate === null) return [];
  if (reading.returnDateText === null) return ['returnDate is set but returnDateText is null: quote the words of the reply that give the date'];
  return contains(input.reply.text, reading.returnDateText)
    ? []
    : [`returnDateText "${reading.returnDateText}" does not appear in the reply: quote the reply's own words for the return date`];
}

/** An away notice names a return in the coming year; anything else is a misread year or day. */
export function plausibleDateProblems(reading: OutOfOfficeReading, input: OutOfOfficeInput): string[] {
  if (reading.returnDate === null) return [];
  const received = input.receivedAt.slice(0, 10);
  const days = (Date.parse(reading.returnDate) - Date.parse(received)) / 86_400_000;
  if (days < 0) return [`returnDate ${reading.returnDate} is before the notice arrived (${received}): a return date is in the future; check the year`];
  if (days > MAX_AWAY_DAYS) return [`returnDate ${reading.returnDate} is more than a year after the notice arrived (${received}): check the year`];
  return [];
}

/** The alternate contact is an address the notice gives, never the sender's own or an invented one. */
export function alternateContactProblems(reading: OutOfOfficeReading, input: OutOfOfficeInput): string[] {
  const contact = reading.alternateContact;
  if (contact === null) return [];
  if (!contains(input.reply.text, contact)) return [`alternateContact ${contact} does not appear in the reply: give only an address the reply names, or null`];
  if (contact.toLowerCase() === input.reply.from?.toLowerCase()) return [`alternateContact ${contact} is the sender of the notice: give someone else the reply names, or null`];
  return [];
}

function contains(text: string, part: string): boolean {
  const normalise = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
  return normalise(text).includes(normalise(part));
}
