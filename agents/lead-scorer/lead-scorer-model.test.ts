import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startFakeModelRunner, type FakeModelRunner } from '../../test/support/fake-model-runner.js';
import { RACHEL, RACHEL_ENRICHMENT } from '../../test/support/sample-new-leads.js';
import { loadIcpRules } from './icp-rules.js';
import { createLeadScorerAgent } from './lead-scorer.js';
import type { LeadScoreAnswer } from './score-schemas.js';

const TOOL = 'submit_lead_scorer';
const ANSWER: LeadScoreAnswer = {
  dimensions: [
    { dimension: 'industry', points: 10, evidence: 'Education', reason: 'Education is a secondary ICP industry.' },
    { dimension: 'company_size', points: 20, evidence: '320 employees', reason: 'Mid-market headcount, in the ICP band.' },
    { dimension: 'annual_revenue', points: 20, evidence: '$48M', reason: 'Revenue above $20M.' },
    { dimension: 'geography', points: 25, evidence: 'US', reason: 'North America is the core market.' },
  ],
  intent: { score: 72, signals: ['came in through the website', 'VP of Sales'], reason: 'An inbound VP of Sales.' },
  confidence: 0.85,
};

let model: FakeModelRunner;
let scorer: ReturnType<typeof createLeadScorerAgent>;
beforeAll(async () => {
  model = await startFakeModelRunner();
  scorer = createLeadScorerAgent(await loadIcpRules(loadConfig({}).promptsDir));
});
afterAll(() => model.close());

describe('lead-scorer with a model (the real SDK against the fake Messages API)', () => {
  it('runs on the fast tier and adds up the answer in code', async () => {
    model.fake.script(TOOL, { reply: ANSWER });
    const result = await model.runner.run(scorer, { lead: RACHEL, enrichment: RACHEL_ENRICHMENT });
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ simulated: false, model: 'claude-haiku-5-5', calls: 1 });
    expect(result.output).toMatchObject({ fitScore: 75, fitGrade: 'A', intentLevel: 'high', priority: 'hot' });
  });

  it('repairs points that stray from the rubric once, quoting the rubric, and keeps none of the stray points', async () => {
    const generous = { ...ANSWER, dimensions: ANSWER.dimensions.map((entry) => (entry.dimension === 'industry' ? { ...entry, points: 25 } : entry)) };
    model.fake.script(TOOL, { reply: generous }, { reply: ANSWER });
    const result = await model.runner.run(scorer, { lead: RACHEL, enrichment: RACHEL_ENRICHMENT });
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('- industry has 25 points, but the ICP rubric gives 10 for Education');
    expect(result.output.fitScore).toBe(75);
  });

  it('fails for a human after a second answer that still breaks the rubric', async () => {
    const generous = { ...ANSWER, dimensions: ANSWER.dimensions.map((entry) => ({ ...entry, points: 25 })) };
    model.fake.script(TOOL, { reply: generous }, { reply: generous });
    const result = await model.runner.run(scorer, { lead: RACHEL, enrichment: RACHEL_ENRICHMENT });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('model_output_invalid');
  });
});
