import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelRunner, type FakeModelRunner } from '../../test/support/fake-model-runner.js';
import { meetingBooker } from './meeting-booker.js';

const TOOL = 'submit_meeting_booker';
let model: FakeModelRunner;
beforeAll(async () => {
  model = await startFakeModelRunner();
});
afterAll(() => model.close());

const link = 'https://cal.example/dana/30min';
const context = {
  reply: { text: 'Interested. Tuesday works.', receivedAt: '2026-11-20T15:42:00Z' },
  booking: { link, timezone: 'America/New_York', slots: ['2026-11-24T14:00:00Z', '2026-11-24T19:00:00Z', '2026-11-25T20:30:00Z'] },
};
const valid = {
  replyDraft: { subject: 'Re: Tuesday', body: `Thanks. Would Tuesday at 9:00 AM or 2:00 PM EST work? Or pick a time here: ${link}` },
  proposedTimes: ['2026-11-24T14:00:00Z', '2026-11-24T19:00:00Z'],
  bookingLink: link,
  confidence: 0.9,
};

describe('meeting-booker with a real model (the SDK against the fake Messages API)', () => {
  it('returns a scripted answer as validated, on the balanced tier', async () => {
    model.fake.script(TOOL, { reply: valid });
    const result = await model.runner.run(meetingBooker, context);
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ output: valid, simulated: false, model: 'claude-sonnet-5-5', calls: 1 });
  });

  it('repairs an answer proposing an unoffered time once, quoting the check', async () => {
    model.fake.script(TOOL, { reply: { ...valid, proposedTimes: ['2026-11-24T14:00:00Z', '2026-11-24T08:00:00Z'] } }, { reply: valid });
    const result = await model.runner.run(meetingBooker, context);
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('- proposedTimes[1] 2026-11-24T08:00:00Z is not one of the offered slots');
    expect(result.output).toEqual(valid);
  });
});
