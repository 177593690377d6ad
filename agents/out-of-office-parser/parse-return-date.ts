const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const CUE = String.raw`\b(?:until|till|through|back on|back|returning on|returning|return on|in the office on|in the office)`;
const WEEKDAY = String.raw`(?<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;
const MONTH = String.raw`(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const LEAD = String.raw`${CUE}\s+(?:on\s+)?(?:${WEEKDAY},?\s+)?`;
const YEAR = String.raw`(?:,?\s+(?<year>\d{4}))?`;

/** Most specific first: "back on Monday, December 1" is a date, not just a weekday. */
const PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`${LEAD}${MONTH}\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b${YEAR}`, 'i'),
  new RegExp(String.raw`${LEAD}(?:the\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b${YEAR}`, 'i'),
  new RegExp(String.raw`${LEAD}(?<year>\d{4})-(?<monthNumber>\d{2})-(?<day>\d{2})\b`, 'i'),
  new RegExp(String.raw`${LEAD}(?<monthNumber>\d{1,2})\/(?<day>\d{1,2})(?:\/(?<year>\d{2}|\d{4}))?\b`, 'i'),
  new RegExp(String.raw`${CUE}\s+(?:on\s+)?(?:next\s+)?${WEEKDAY}\b`, 'i'),
];

export interface ParsedReturnDate {
  /** ISO date, e.g. 2026-03-04. */
  readonly date: string;
  /** The words of the notice that gave it. */
  readonly text: string;
  /** The notice names a weekday that is not the date's: a typo or a wrong year, so less certain. */
  readonly weekdayConflict: boolean;
}

/**
 * The return date in an away notice: "until March 4", "back on 12/01" (US month/day),
 * "returning Monday, December 1", "back on the 4th of March", "until 2026-03-04", "back Monday".
 * A date without a year is the next one on or after the day the notice arrived.
 */
export function parseReturnDate(text: string, receivedAt: string): ParsedReturnDate | undefined {
  const received = new Date(`${receivedAt.slice(0, 10)}T00:00:00Z`);
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    const groups = match?.groups;
    if (match === null || groups === undefined) continue;
    const date = groups['day'] === undefined ? nextWeekday(groups['weekday'], received) : calendarDate(groups, received);
    if (date === undefined) continue;
    const weekday = groups['weekday']?.toLowerCase();
    return { date: date.toISOString().slice(0, 10), text: match[0], weekdayConflict: weekday !== undefined && WEEKDAYS[date.getUTCDay()] !== weekday };
  }
  return undefined;
}

function calendarDate(groups: Record<string, string | undefined>, received: Date): Date | undefined {
  const month = groups['monthNumber'] === undefined ? MONTHS.indexOf((groups['month'] ?? '').slice(0, 3).toLowerCase()) : Number(groups['monthNumber']) - 1;
  const day = Number(groups['day']);
  const written = groups['year'] === undefined ? undefined : Number(groups['year']) + (groups['year'].length === 2 ? 2000 : 0);
  const year = written ?? received.getUTCFullYear();
  let date = validDate(year, month, day);
  if (written === undefined && date !== undefined && date < received) date = validDate(year + 1, month, day);
  return date;
}

function validDate(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCMonth() === month && date.getUTCDate() === day ? date : undefined;
}

/** "back Monday": the next Monday after the notice arrived (a week later if it arrived on a Monday). */
function nextWeekday(weekday: string | undefined, received: Date): Date | undefined {
  const target = WEEKDAYS.indexOf(weekday?.toLowerCase() ?? '');
  if (target < 0) return undefined;
  const date = new Date(received);
  do {
    date.setUTCDate(date.getUTCDate() + 1);
  } while (date.getUTCDay() !== target);
  return date;
}
