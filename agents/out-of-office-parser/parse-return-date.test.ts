import { describe, expect, it } from 'vitest';
import { parseReturnDate } from './parse-return-date.js';

describe('return date parsing', () => {
  it.each([
    ['I am out of the office until March 4.', '2026-02-20T10:00:00Z', '2026-03-04', 'until March 4'],
    ['Back on 12/01 with limited access.', '2026-11-20T10:00:00Z', '2026-12-01', 'Back on 12/01'],
    ['Returning Monday, December 1. Thanks!', '2025-11-20T10:00:00Z', '2025-12-01', 'Returning Monday, December 1'],
    ['On leave, back on the 4th of March 2027.', '2026-11-20T10:00:00Z', '2027-03-04', 'back on the 4th of March 2027'],
    ['Out until 2026-03-04.', '2026-02-20T10:00:00Z', '2026-03-04', 'until 2026-03-04'],
    ['Away for the holidays, back on January 5th.', '2026-12-20T10:00:00Z', '2027-01-05', 'back on January 5th'],
    ['At a conference, back Monday.', '2026-02-20T10:00:00Z', '2026-02-23', 'back Monday'],
  ])('reads %j (received %s) as %s', (text, receivedAt, date, quoted) => {
    expect(parseReturnDate(text, receivedAt)).toEqual({ date, text: quoted, weekdayConflict: false });
  });

  it('flags a weekday that does not match the date, and finds nothing in a notice without one', () => {
    expect(parseReturnDate('Returning Monday, December 1.', '2026-11-20T10:00:00Z')).toMatchObject({ date: '2026-12-01', weekdayConflict: true });
    expect(parseReturnDate('I am travelling with limited access to email.', '2026-11-20T10:00:00Z')).toBeUndefined();
    expect(parseReturnDate('Back on February 30.', '2026-01-20T10:00:00Z')).toBeUndefined();
  });
});
