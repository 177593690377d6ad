import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelRunner, type FakeModelRunner } from '../../test/support/fake-model-runner.js';
import { infoAgent } from './info-agent.js';

const TOOL = 'submit_info_agent';
let model: FakeModelRunner;
beforeAll(async () => {
  model = await startFakeModelRunner();
});
afterAll(() => model.close());

const context = {
  reply: { subject: 'Pricing', text: 'How does pricing work? Do you support SSO?' },
  knowledge: [{ topic: 'Pricing', answer: 'Plans start at $40 per seat per month.' }],
};
const valid = {
  answers: [
    { question: 'How does pricing work?', answer: 'Plans start at $40 per seat per month.', fromTopic: 'Pricing' },
    { question: 'Do you support SSO?', answer: 'I will check and come back to you.', fromTopic: null },
  ],
  replyDraft: { subject: 'Re: Pricing', body: 'Thanks. Plans start at $40 per seat per month. I will check on SSO. Would a short call help?' },
  unanswered: ['Do you support SSO?'],
  confidence: 0.7,
};

describe('info-agent with a real model (the SDK against the fake Messages API)', () => {
  it('returns a scripted answer as validated, on the balanced tier', async () => {
    model.fake.script(TOOL, { reply: valid });
    const result = await model.runner.run(infoAgent, context);
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ output: valid, simulated: false, model: 'claude-sonnet-5-5', calls: 1 });
  });

  it('repairs an answer from outside the knowledge list once, quoting the check', async () => {
    const guessed = { ...valid, answers: [valid.answers[0], { question: 'Do you support SSO?', answer: 'Yes, SAML.', fromTopic: 'SSO' }], unanswered: [] };
    model.fake.script(TOOL, { reply: guessed }, { reply: valid });
    const result = await model.runner.run(infoAgent, context);
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('- answers[1].fromTopic "SSO" is not a topic in the knowledge list (topics: "Pricing")');
    expect(result.output).toEqual(valid);
  });
});
