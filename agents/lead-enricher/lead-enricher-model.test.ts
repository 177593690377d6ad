import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelRunner, type FakeModelRunner } from '../../test/support/fake-model-runner.js';
import { RACHEL, RACHEL_ENRICHMENT } from '../../test/support/sample-new-leads.js';
import { leadEnricher } from './lead-enricher.js';

const TOOL = 'submit_lead_enricher';
let model: FakeModelRunner;
beforeAll(async () => {
  model = await startFakeModelRunner();
});
afterAll(() => model.close());

describe('lead-enricher with a model (the real SDK against the fake Messages API)', () => {
  it('passes a valid answer through on the balanced tier, with the lead beside it', async () => {
    model.fake.script(TOOL, { reply: RACHEL_ENRICHMENT });
    const result = await model.runner.run(leadEnricher, { lead: RACHEL, roster: 'not for this agent' });
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ simulated: false, model: 'claude-sonnet-5-5', calls: 1, confidence: 0.8 });
    expect(result.output).toEqual({ lead: RACHEL, enrichment: RACHEL_ENRICHMENT, confidence: 0.8 });
    const sent = JSON.stringify(model.fake.requestsFor(TOOL)[0]?.body);
    expect(sent).toContain('brightpath-learning.example');
    expect(sent).not.toContain('not for this agent');
  });

  it('repairs revenue in millions instead of dollars once, quoting the check', async () => {
    const slip = { ...RACHEL_ENRICHMENT, firmographics: { ...RACHEL_ENRICHMENT.firmographics, annualRevenueUsd: { value: 48, source: { source: 'https://data.example', confidence: 0.7 } } } };
    model.fake.script(TOOL, { reply: slip }, { reply: RACHEL_ENRICHMENT });
    const result = await model.runner.run(leadEnricher, { lead: RACHEL });
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('- annualRevenueUsd 48 for 320 employees is $0 per employee');
  });

  it('repairs a country name where the ISO code belongs, quoting the schema', async () => {
    const named = { ...RACHEL_ENRICHMENT, firmographics: { ...RACHEL_ENRICHMENT.firmographics, country: { value: 'United States', source: { source: 'lead-record', confidence: 0.9 } } } };
    model.fake.script(TOOL, { reply: named }, { reply: RACHEL_ENRICHMENT });
    const result = await model.runner.run(leadEnricher, { lead: RACHEL });
    expect(result.ok).toBe(true);
    expect(model.repairText(TOOL)).toContain('firmographics.country.value: give the country as its ISO 3166 alpha-2 code, such as US or DE');
  });
});
