import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelRunner, type FakeModelRunner } from '../../test/support/fake-model-runner.js';
import type { EmailSequence } from '../contracts/email-sequence.js';
import { personaliser } from './personaliser.js';

const TOOL = 'submit_personaliser';
let model: FakeModelRunner;
beforeAll(async () => {
  model = await startFakeModelRunner();
});
afterAll(() => model.close());

const sequence: EmailSequence = {
  emails: [
    { subject: 'Your Series B', body: 'Saw the Series B news at Northwind. Is ramp time on your radar?' },
    { subject: 'Ramp time', body: 'One more thought on ramp. Worth comparing notes?' },
    { subject: 'Last note', body: 'Should I check back next quarter?' },
  ],
  signal: { summary: 'Series B of $45M', keywords: ['Series B'] },
  confidence: 0.7,
};
const contacts = [{ name: 'Dana Ortiz', title: 'VP Sales', email: 'dana@northwind.example', company: 'Northwind' }];
const templated = {
  sequence: { ...sequence, emails: [{ ...sequence.emails[0]!, body: 'Hi {{first_name}}, saw the Series B news at {{company}}. Is ramp time on your radar?' }, sequence.emails[1]!, sequence.emails[2]!] },
  perContact: [{ email: 'dana@northwind.example', tokens: { first_name: 'Dana', company: 'Northwind' } }],
  confidence: 0.85,
};

describe('personaliser with a real model (the SDK against the fake Messages API)', () => {
  it('returns a scripted answer as validated, on the balanced tier', async () => {
    model.fake.script(TOOL, { reply: templated });
    const result = await model.runner.run(personaliser, { sequence, contacts });
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ output: templated, simulated: false, model: 'claude-sonnet-5-5', calls: 1 });
  });

  it('repairs an answer with an unknown token once, quoting the check, then returns the fixed answer', async () => {
    const invented = { ...templated, sequence: { ...templated.sequence, emails: [{ subject: 'Hi', body: 'Hi {{nickname}}, is ramp time on your radar?' }, sequence.emails[1]!, sequence.emails[2]!] } };
    model.fake.script(TOOL, { reply: invented }, { reply: templated });
    const result = await model.runner.run(personaliser, { sequence, contacts });
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('- email 1 body uses the unknown token {{nickname}}: use only {{first_name}}');
    expect(result.output).toEqual(templated);
  });
});
