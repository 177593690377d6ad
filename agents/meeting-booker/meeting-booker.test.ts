import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { meetingBooker } from './meeting-booker.js';
import { MeetingReplySchema } from './meeting-booker-schemas.js';

let runner: AgentRunner;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
});

const link = 'https://cal.example/dana/30min';
/** Friday 20 November 2026 is when the reply arrives; the slots run Monday 23 to Thursday 26, New York time. */
const booking = {
  link,
  timezone: 'America/New_York',
  slots: ['2026-11-20T14:00:00Z', '2026-11-23T15:00:00Z', '2026-11-24T14:00:00Z', '2026-11-24T19:00:00Z', '2026-11-25T20:30:00Z', '2026-11-26T16:00:00Z'],
};
const reply = {
  subject: 'Re: Series B and your SDR ramp',
  text: "Interested, let's talk. Next week works for me, Tuesday or Wednesday afternoon.",
  receivedAt: '2026-11-20T15:42:00Z',
};

async function book(context: unknown) {
  const result = await runner.run(meetingBooker, context);
  if (!result.ok) throw result.error;
  return result;
}

describe('meeting-booker in offline mode', () => {
  it('proposes the offered slots on the days and part of day the reply asks for, with the link, in the booking time zone', async () => {
    const { output, simulated } = await book({ reply, booking });
    expect(simulated).toBe(true);
    expect(output.proposedTimes).toEqual(['2026-11-24T19:00:00Z', '2026-11-25T20:30:00Z']);
    expect(output.replyDraft.subject).toBe('[simulated] Re: Series B and your SDR ramp');
    expect(output.replyDraft.body).toContain('Tuesday, November 24 at 2:00 PM EST\nWednesday, November 25 at 3:30 PM EST');
    expect(output.replyDraft.body).toContain(link);
    expect(output.bookingLink).toBe(link);
  });

  it('offers the three earliest slots after the reply arrived when it names no time', async () => {
    const { output } = await book({ reply: { ...reply, text: 'Sure, send me some times.' }, booking });
    expect(output.proposedTimes).toEqual(['2026-11-23T15:00:00Z', '2026-11-24T14:00:00Z', '2026-11-24T19:00:00Z']);
  });

  it('answers in the declared format, with two or three times', async () => {
    const result = await book({ reply, booking });
    expect(MeetingReplySchema.parse(result.output)).toEqual(result.output);
    expect(result.confidence).toBe(result.output.confidence);
    const four = MeetingReplySchema.safeParse({ ...result.output, proposedTimes: booking.slots.slice(0, 4) });
    expect(four.error?.issues[0]?.message).toBe('propose at most 3 times');
  });

  it('refuses a booking with an unknown time zone or a single slot, naming the fields', async () => {
    const result = await runner.run(meetingBooker, { reply, booking: { ...booking, timezone: 'Mars/Olympus', slots: [booking.slots[1]] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('booking.timezone: expected an IANA time zone, like America/New_York');
    expect(result.error.message).toContain('booking.slots: offer at least 2 slots');
  });
});

describe('meeting-booker checks', () => {
  const input = () => runner.prepareInput(meetingBooker, { reply, booking });

  it('names a time that was not offered, a repeated time and a missing or different link', () => {
    const answer = { replyDraft: { subject: 'Re: times', body: 'Would Tuesday work?' }, proposedTimes: ['2026-11-24T19:00:00Z', '2026-11-24T14:00:00-05:00', '2026-11-27T15:00:00Z'], bookingLink: 'https://cal.example/other', confidence: 0.8 };
    expect(agentCheckMessages(meetingBooker, answer, input())).toEqual([
      `proposedTimes[2] 2026-11-27T15:00:00Z is not one of the offered slots: choose only from ${booking.slots.join(', ')}`,
      'proposedTimes lists the same time twice: propose different slots',
      `replyDraft.body does not contain the booking link ${link}: include it exactly as given`,
      `bookingLink must be the offered link ${link}, not https://cal.example/other`,
    ]);
  });

  it('accepts a slot written with another offset and returns it as the calendar wrote it', () => {
    const answer = { replyDraft: { subject: 'Re: times', body: `Would one work? ${link}` }, proposedTimes: ['2026-11-24T14:00:00-05:00', '2026-11-25T20:30:00.000Z'], bookingLink: link, confidence: 0.8 };
    expect(agentCheckMessages(meetingBooker, answer, input())).toEqual([]);
    expect(meetingBooker.finalize(answer, input()).proposedTimes).toEqual(['2026-11-24T19:00:00Z', '2026-11-25T20:30:00Z']);
  });
});
