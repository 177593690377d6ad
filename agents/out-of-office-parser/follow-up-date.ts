import type { OutOfOfficeInput, OutOfOfficeReading, OutOfOfficeSchedule } from './out-of-office-schemas.js';

const DAY_MS = 86_400_000;
const FALLBACK_DAYS = 7;
const FOLLOW_UP_HOUR_UTC = 9;

/**
 * When to follow up: the first business day after the return date, at 09:00 UTC (the person has
 * had a day to clear the inbox), or seven days after the notice when it names no date.
 */
export function followUpAt(returnDate: string | null, receivedAt: string): string {
  if (returnDate === null) return new Date(Date.parse(receivedAt) + FALLBACK_DAYS * DAY_MS).toISOString();
  const day = new Date(`${returnDate}T00:00:00Z`);
  do {
    day.setUTCDate(day.getUTCDate() + 1);
  } while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  day.setUTCHours(FOLLOW_UP_HOUR_UTC);
  return day.toISOString();
}

/** The model's reading with the follow-up computed in code. */
export function scheduleFollowUp(reading: OutOfOfficeReading, input: OutOfOfficeInput): OutOfOfficeSchedule {
  return {
    returnDate: reading.returnDate,
    followUpAt: followUpAt(reading.returnDate, input.receivedAt),
    alternateContact: reading.alternateContact,
    confidence: reading.confidence,
  };
}
