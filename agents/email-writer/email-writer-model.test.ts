import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelRunner, type FakeModelRunner } from '../../test/support/fake-model-runner.js';
import { loadHouseEmailRules } from '../../test/support/house-email-rules.js';
import { sampleAccountBrief } from '../../test/support/sample-account-brief.js';
import type { EmailSequence } from '../contracts/email-sequence.js';
import type { EmailQaReport } from '../email-qa/email-qa-schemas.js';
import { createEmailWriterAgent } from './email-writer.js';

const TOOL = 'submit_email_writer';
let model: FakeModelRunner;
let writer: ReturnType<typeof createEmailWriterAgent>;
beforeAll(async () => {
  model = await startFakeModelRunner();
  writer = createEmailWriterAgent(await loadHouseEmailRules());
});
afterAll(() => model.close());

const signal = { summary: 'Series B of $45M announced in October 2026', keywords: ['Series B'] };
const previous: EmailSequence = {
  emails: [
    { subject: 'Your Series B', body: 'Congrats on the Series B. Teams that double SDR headcount after a raise often see ramp slip. Is that on your radar?' },
    { subject: 'Ramp time', body: 'New SDRs at teams your size booked a first meeting in week 3, not week 7. Worth comparing notes?' },
    { subject: 'Leveraging AI', body: 'Our platform automates call prep. Are you free Tuesday? Or Wednesday?' },
  ],
  signal,
  confidence: 0.7,
};
const feedback: EmailQaReport = {
  pass: false,
  failures: [
    { email: 3, rule: 'banned-phrase', message: 'Email 3 uses the banned phrase "leveraging": rewrite that sentence without it.' },
    { email: 3, rule: 'single-ask', message: 'Email 3 has 2 asks: keep exactly one.' },
  ],
  rules: [],
  failingEmails: [3],
  confidence: 0.9,
};
const newThird = { subject: 'Last note', body: 'I will leave it here. Should I check back next quarter instead?' };

describe('email-writer with a real model (the SDK against the fake Messages API)', () => {
  it('returns a scripted first draft as validated, on the deep tier', async () => {
    model.fake.script(TOOL, { reply: previous });
    const result = await model.runner.run(writer, { brief: sampleAccountBrief() });
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ output: previous, simulated: false, model: 'claude-opus-5-5', calls: 1 });
  });

  it('repairs a rewrite that touched a passing email once, quoting the rule, and keeps emails 1 and 2 byte for byte', async () => {
    const drifted = { ...previous, emails: [previous.emails[0], { subject: 'Ramp time', body: 'A whole new email 2. Thoughts?' }, newThird] };
    const fixed = { ...previous, emails: [previous.emails[0], previous.emails[1], newThird] };
    model.fake.script(TOOL, { reply: drifted }, { reply: fixed });
    const result = await model.runner.run(writer, { brief: sampleAccountBrief(), feedback, previous });
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('- email 2 passed QA and must be returned unchanged');
    expect(result.output.emails).toEqual([previous.emails[0], previous.emails[1], newThird]);
  });
});
