import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelRunner, type FakeModelRunner } from '../../test/support/fake-model-runner.js';
import { loadHouseEmailRules } from '../../test/support/house-email-rules.js';
import { createObjectionHandlerAgent } from './objection-handler.js';

const TOOL = 'submit_objection_handler';
let model: FakeModelRunner;
let handler: ReturnType<typeof createObjectionHandlerAgent>;
beforeAll(async () => {
  model = await startFakeModelRunner();
  handler = createObjectionHandlerAgent(await loadHouseEmailRules());
});
afterAll(() => model.close());

const context = { reply: { subject: 'Re: SDR ramp', text: 'We already use Outreach for this.' } };
const valid = {
  objection: 'existing_tool',
  replyDraft: { subject: 'Re: SDR ramp', body: 'Makes sense, Outreach covers a lot. Some teams keep it and still find call prep is manual. Would comparing notes on that be useful?' },
  angle: 'complement Outreach on call prep',
  confidence: 0.8,
};

describe('objection-handler with a real model (the SDK against the fake Messages API)', () => {
  it('returns a scripted answer as validated, on the deep tier', async () => {
    model.fake.script(TOOL, { reply: valid });
    const result = await model.runner.run(handler, context);
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ output: valid, simulated: false, model: 'claude-opus-5-5', calls: 1 });
  });

  it('repairs a pushy answer once, quoting every failed check', async () => {
    const pushy = { ...valid, replyDraft: { subject: 'Re: SDR ramp', body: 'Can we touch base Tuesday? Or Wednesday?' } };
    model.fake.script(TOOL, { reply: pushy }, { reply: valid });
    const result = await model.runner.run(handler, context);
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    const repair = model.repairText(TOOL);
    expect(repair).toContain('- replyDraft.body asks 2 questions: keep exactly one, soft question');
    expect(repair).toContain('- replyDraft uses the banned phrase "touch base": rewrite that sentence without it');
    expect(result.output).toEqual(valid);
  });
});
