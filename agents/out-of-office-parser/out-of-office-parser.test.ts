import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { outOfOfficeParser } from './out-of-office-parser.js';
import { OutOfOfficeScheduleSchema } from './out-of-office-schemas.js';

let runner: AgentRunner;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
});

const notice = {
  from: 'sam.lee@acme.example',
  subject: 'Automatic reply: quick question',
  text: 'I am out of the office until Monday, December 1 with limited access to email. For urgent matters please contact ops@acme.example.',
};

async function parse(context: unknown) {
  const result = await runner.run(outOfOfficeParser, context);
  if (!result.ok) throw result.error;
  return result;
}

describe('out-of-office-parser in offline mode', () => {
  it('reads the return date and alternate contact, and schedules the follow-up one business day later at 09:00 UTC', async () => {
    const result = await parse({ reply: notice, receivedAt: '2025-11-20T15:42:00Z' });
    expect(result.simulated).toBe(true);
    expect(result.output).toEqual({ returnDate: '2025-12-01', followUpAt: '2025-12-02T09:00:00.000Z', alternateContact: 'ops@acme.example', confidence: 0.85 });
  });

  it('follows up a week after a notice with no return date, with low confidence', async () => {
    const result = await parse({ reply: { text: 'I am travelling with limited access to email.' }, receivedAt: '2026-11-20T15:42:00Z' });
    expect(result.output).toEqual({ returnDate: null, followUpAt: '2026-11-27T15:42:00.000Z', alternateContact: null, confidence: 0.5 });
  });

  it('lowers confidence when the weekday in the notice does not match the date', async () => {
    const result = await parse({ reply: notice, receivedAt: '2026-11-20T15:42:00Z' });
    expect(result.output.returnDate).toBe('2026-12-01');
    expect(result.confidence).toBeLessThan(0.85);
  });

  it('answers in the declared format, without the quoted text the model used', async () => {
    const result = await parse({ reply: notice, receivedAt: '2025-11-20T15:42:00Z' });
    expect(OutOfOfficeScheduleSchema.parse(result.output)).toEqual(result.output);
    expect(result.output).not.toHaveProperty('returnDateText');
  });

  it('refuses a receivedAt without a time zone, naming the field', async () => {
    const result = await runner.run(outOfOfficeParser, { reply: notice, receivedAt: '2025-11-20 15:42' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('receivedAt: expected an ISO 8601 date-time with a time zone');
  });
});

describe('out-of-office-parser checks', () => {
  const input = () => runner.prepareInput(outOfOfficeParser, { reply: notice, receivedAt: '2025-11-20T15:42:00Z' });
  const reading = { returnDate: '2025-12-01', returnDateText: 'until Monday, December 1', alternateContact: 'ops@acme.example', confidence: 0.9 };

  it('accepts a reading quoted from the notice', () => {
    expect(agentCheckMessages(outOfOfficeParser, reading, input())).toEqual([]);
  });

  it('refuses an unquoted date, a date in the past and an invented contact', () => {
    const wrong = { returnDate: '2024-12-01', returnDateText: 'until Dec 1', alternateContact: 'boss@acme.example', confidence: 0.9 };
    expect(agentCheckMessages(outOfOfficeParser, wrong, input())).toEqual([
      'returnDateText "until Dec 1" does not appear in the reply: quote the reply\'s own words for the return date',
      'returnDate 2024-12-01 is before the notice arrived (2025-11-20): a return date is in the future; check the year',
      'alternateContact boss@acme.example does not appear in the reply: give only an address the reply names, or null',
    ]);
  });

  it('refuses a date without its quote, a date years away and the sender as their own alternate', () => {
    const wrong = { returnDate: '2027-12-01', returnDateText: null, alternateContact: null, confidence: 0.9 };
    expect(agentCheckMessages(outOfOfficeParser, wrong, input())).toEqual([
      'returnDate is set but returnDateText is null: quote the words of the reply that give the date',
      'returnDate 2027-12-01 is more than a year after the notice arrived (2025-11-20): check the year',
    ]);
    const self = runner.prepareInput(outOfOfficeParser, { reply: { ...notice, text: `${notice.text} Or write to sam.lee@acme.example.` }, receivedAt: '2025-11-20T15:42:00Z' });
    expect(agentCheckMessages(outOfOfficeParser, { ...reading, alternateContact: 'sam.lee@acme.example' }, self)).toEqual([
      'alternateContact sam.lee@acme.example is the sender of the notice: give someone else the reply names, or null',
    ]);
  });
});
