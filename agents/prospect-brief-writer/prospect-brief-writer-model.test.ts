import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelRunner, type FakeModelRunner } from '../../test/support/fake-model-runner.js';
import { RACHEL, RACHEL_ENRICHMENT } from '../../test/support/sample-new-leads.js';
import type { ProspectBrief } from './brief-schemas.js';
import { prospectBriefWriter } from './prospect-brief-writer.js';

const TOOL = 'submit_prospect_brief_writer';
const BRIEF: ProspectBrief = {
  headline: 'Brightpath Learning: inbound VP of Sales, good fit',
  summary: 'Rachel Ng leads sales at Brightpath Learning, a 320-person education company in the US.',
  talkingPoints: ['She came in through the website: ask what prompted it.', 'They run Outreach: ask how sequencing works for them today.'],
  nextStep: 'Call Rachel today and offer a demo this week.',
  confidence: 0.8,
};
const input = { lead: RACHEL, enrichment: RACHEL_ENRICHMENT, branches: {}, missing: [{ branch: 'owner', reason: 'timeout' }, { branch: 'score', reason: 'timeout' }] };

let model: FakeModelRunner;
beforeAll(async () => {
  model = await startFakeModelRunner();
});
afterAll(() => model.close());

describe('prospect-brief-writer with a model (the real SDK against the fake Messages API)', () => {
  it('writes on the deep tier and code renders the alert around the text', async () => {
    model.fake.script(TOOL, { reply: BRIEF });
    const result = await model.runner.run(prospectBriefWriter, input);
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ simulated: false, model: 'claude-opus-5-5', calls: 1, confidence: 0.8 });
    expect(result.output.alerts[0]?.body).toContain(`*${BRIEF.headline}*\n\n${BRIEF.summary}`);
    expect(result.output.alerts[0]?.audience).toEqual({ kind: 'channel', channel: 'lead-routing' });
  });

  it('repairs a brief with a template slot once, quoting the check', async () => {
    model.fake.script(TOOL, { reply: { ...BRIEF, nextStep: 'Call {{first_name}} today.' } }, { reply: BRIEF });
    const result = await model.runner.run(prospectBriefWriter, input);
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('- nextStep contains the placeholder "{{first_name}}": write the actual words');
  });

  it('repairs a brief with one talking point, quoting the schema', async () => {
    model.fake.script(TOOL, { reply: { ...BRIEF, talkingPoints: ['Only one.'] } }, { reply: BRIEF });
    const result = await model.runner.run(prospectBriefWriter, input);
    expect(result.ok).toBe(true);
    expect(model.repairText(TOOL)).toContain('talkingPoints: give at least 2 talking points');
  });
});
