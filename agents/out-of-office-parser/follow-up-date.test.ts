import { describe, expect, it } from 'vitest';
import { followUpAt } from './follow-up-date.js';

describe('follow-up date arithmetic', () => {
  it.each([
    ['2026-03-04', '2026-03-05T09:00:00.000Z', 'a Wednesday return: Thursday'],
    ['2026-03-06', '2026-03-09T09:00:00.000Z', 'a Friday return: the Monday after'],
    ['2026-03-07', '2026-03-09T09:00:00.000Z', 'a Saturday return: Monday'],
    ['2026-12-31', '2027-01-01T09:00:00.000Z', 'across a year end'],
  ])('follows up on %s at %s (%s)', (returnDate, expected) => {
    expect(followUpAt(returnDate, '2026-02-20T10:00:00Z')).toBe(expected);
  });

  it('follows up exactly seven days after the notice when there is no return date', () => {
    expect(followUpAt(null, '2026-02-20T10:15:00+01:00')).toBe('2026-02-27T09:15:00.000Z');
  });
});
