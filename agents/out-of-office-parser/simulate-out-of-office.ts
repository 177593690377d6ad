import type { OutOfOfficeInput, OutOfOfficeReading } from './out-of-office-schemas.js';
import { parseReturnDate } from './parse-return-date.js';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Offline mode's reading of an away notice: the common date forms, and the first other address it names. */
export function simulateOutOfOffice(input: OutOfOfficeInput): OutOfOfficeReading {
  const { reply, receivedAt } = input;
  const parsed = parseReturnDate(reply.text, receivedAt);
  const sender = reply.from?.toLowerCase();
  const alternate = [...reply.text.matchAll(EMAIL)].map((match) => match[0]).find((address) => address.toLowerCase() !== sender);
  return {
    returnDate: parsed?.date ?? null,
    returnDateText: parsed?.text ?? null,
    alternateContact: alternate ?? null,
    confidence: parsed === undefined ? 0.5 : parsed.weekdayConflict ? 0.6 : 0.85,
  };
}
