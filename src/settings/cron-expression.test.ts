import { describe, expect, it } from 'vitest';
import { cronExpressionProblem } from './cron-expression.js';
import { isTimeZone } from './time-zone.js';

describe('cronExpressionProblem', () => {
  it.each(['0 6 * * *', '0 6 * * 1-5', '*/1 * * * * *', '30 8 1,15 * MON-FRI', '0 0 L * ?', '0 9 * JAN-MAR 1#2', '0 12 15W * *', '0 0 * * 5L'])(
    'accepts %s',
    (expression) => {
      expect(cronExpressionProblem(expression)).toBeUndefined();
    },
  );

  it.each([
    ['0 6 * *', '"0 6 * *" is not a valid cron expression (5 or 6 fields)'],
    ['0 6 * * * * *', '(5 or 6 fields)'],
    ['60 * * * *', 'minute "60" must be within 0-59'],
    ['0 6 * 13 *', 'month "13" must be within 1-12 or JAN-DEC'],
    ['0 6 * * FUNDAY', 'day of week "FUNDAY" must be within 0-7 or SUN-SAT'],
    ['*/0 * * * *', 'has a step below 1'],
    ['0 10-2 * * *', 'has a range that runs backwards'],
    ['0 6 * * @', 'is not a number, range, list or step'],
  ])('refuses %s', (expression, problem) => {
    expect(cronExpressionProblem(expression)).toContain(problem);
  });
});

describe('isTimeZone', () => {
  it('accepts IANA names and refuses offsets and inventions', () => {
    expect(['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'].every(isTimeZone)).toBe(true);
    expect(['+01:00', 'Mars/Olympus', '', 'Europe/'].some(isTimeZone)).toBe(false);
  });
});
