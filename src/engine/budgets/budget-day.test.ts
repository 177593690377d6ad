import { describe, expect, it } from 'vitest';
import { budgetDayOf } from './budget-day.js';

describe('budgetDayOf', () => {
  it('starts the day at midnight UTC by default', () => {
    expect(budgetDayOf(Date.parse('2025-03-03T23:59:59.999Z'), 'UTC')).toEqual({
      date: '2025-03-03',
      startIso: '2025-03-03T00:00:00.000Z',
      timeZone: 'UTC',
    });
  });

  it('follows the configured zone, including half-hour offsets', () => {
    expect(budgetDayOf(Date.parse('2025-03-03T20:00:00.000Z'), 'Asia/Kolkata')).toMatchObject({
      date: '2025-03-04',
      startIso: '2025-03-03T18:30:00.000Z',
    });
    expect(budgetDayOf(Date.parse('2025-03-03T02:00:00.000Z'), 'America/Los_Angeles')).toMatchObject({
      date: '2025-03-02',
      startIso: '2025-03-02T08:00:00.000Z',
    });
  });

  it('finds local midnight on days when daylight saving time starts or ends', () => {
    // New York moves to EDT at 02:00 on 9 March 2025: midnight was still EST (UTC-5).
    expect(budgetDayOf(Date.parse('2025-03-09T20:00:00.000Z'), 'America/New_York').startIso).toBe('2025-03-09T05:00:00.000Z');
    // And back to EST at 02:00 on 2 November 2025: midnight was still EDT (UTC-4).
    expect(budgetDayOf(Date.parse('2025-11-02T20:00:00.000Z'), 'America/New_York').startIso).toBe('2025-11-02T04:00:00.000Z');
  });
});
