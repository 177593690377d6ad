import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelRunner, type FakeModelRunner } from '../../test/support/fake-model-runner.js';
import { RACHEL, RACHEL_ENRICHMENT, sampleRoster } from '../../test/support/sample-new-leads.js';
import { repRouter } from './rep-router.js';

const TOOL = 'submit_rep_router';
const input = { lead: RACHEL, enrichment: RACHEL_ENRICHMENT, roster: sampleRoster() };
const DANIEL = { userId: '005Bt0000000000003', reason: 'Daniel Okafor covers North America East mid-market and has the lowest load (3 open).', confidence: 0.99 };

let model: FakeModelRunner;
beforeAll(async () => {
  model = await startFakeModelRunner();
});
afterAll(() => model.close());

describe('rep-router with a model (the real SDK against the fake Messages API)', () => {
  it('runs on the fast tier and caps the confidence at what the match allows', async () => {
    model.fake.script(TOOL, { reply: DANIEL });
    const result = await model.runner.run(repRouter, input);
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ simulated: false, model: 'claude-haiku-5-5', calls: 1, confidence: 0.95 });
    expect(result.output.assignment).toMatchObject({ userId: DANIEL.userId, reason: DANIEL.reason, matchedOn: 'territory_and_segment' });
  });

  it('sends a rep the rule did not pick back once with the rule, and takes the corrected answer', async () => {
    model.fake.script(TOOL, { reply: { ...DANIEL, userId: '005Bt0000000000005', reason: 'Luis Ortega is free.' } }, { reply: DANIEL });
    const result = await model.runner.run(repRouter, input);
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('- userId is 005Bt0000000000005, but the routing rule picks 005Bt0000000000003');
    expect(result.output.proposal?.changes[0]).toEqual({ field: 'OwnerId', newValue: '005Bt0000000000003' });
  });
});
