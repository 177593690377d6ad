import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelRunner, type FakeModelRunner } from '../../test/support/fake-model-runner.js';
import { optOutConfirmer } from './opt-out-confirmer.js';

const TOOL = 'submit_opt_out_confirmer';
let model: FakeModelRunner;
beforeAll(async () => {
  model = await startFakeModelRunner();
});
afterAll(() => model.close());

const context = { reply: { text: 'Please remove me from your list.' } };
const valid = { confirmation: { subject: 'Removed from our list', body: 'Done. You will not hear from us again. Sorry for the interruption.' }, scope: 'all_outreach', confidence: 0.95 };

describe('opt-out-confirmer with a real model (the SDK against the fake Messages API)', () => {
  it('returns a scripted answer as validated, on the fast tier', async () => {
    model.fake.script(TOOL, { reply: valid });
    const result = await model.runner.run(optOutConfirmer, context);
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ output: valid, simulated: false, model: 'claude-haiku-5-5', calls: 1 });
  });

  it('repairs a confirmation that asks a question and narrows the scope once, quoting both checks', async () => {
    const asking = { ...valid, confirmation: { subject: 'Removed', body: 'Done. Would you share why?' }, scope: 'this_sequence' };
    model.fake.script(TOOL, { reply: asking }, { reply: valid });
    const result = await model.runner.run(optOutConfirmer, context);
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    const repair = model.repairText(TOOL);
    expect(repair).toContain('- the confirmation has a question mark: confirm the removal, do not ask anything');
    expect(repair).toContain('- the reply asks to stop all contact ("remove me"), so scope must be all_outreach, not this_sequence');
    expect(result.output).toEqual(valid);
  });
});
