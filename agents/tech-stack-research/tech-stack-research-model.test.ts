import { describe, expect, it } from 'vitest';
import { useFakeModelRunner } from '../../test/support/fake-model-runner.js';
import { techStackResearch } from './tech-stack-research.js';
import type { TechStackResearch } from './tech-stack-schemas.js';

const TOOL = 'submit_tech_stack_research';
const account = { name: 'Northwind Logistics', domain: 'northwind-logistics.com' };
const posting = { source: 'https://jobs.example/northwind/sales-ops', observedAt: '2026-11-12', confidence: 0.85 };
const ANSWER: TechStackResearch = {
  stack: [
    { category: 'crm', vendor: 'Salesforce', product: 'Sales Cloud', evidence: 'Sales Ops posting requires Salesforce administration.', sources: [posting] },
    { category: 'sales_engagement', vendor: 'Outreach', evidence: 'SDR posting lists Outreach.', sources: [posting] },
  ],
  recentChanges: [{ change: 'added', category: 'sales_engagement', vendor: 'Outreach', date: '2026-05-01', evidence: 'First posting to name Outreach.', sources: [posting] }],
  integrationPoints: [{ systems: ['Outreach', 'Salesforce'], summary: 'Outreach logs activity to Salesforce.', sources: [posting] }],
  sources: [posting],
  confidence: 0.75,
};

const model = useFakeModelRunner();

describe('tech-stack-research with a model (the real SDK against the fake Messages API)', () => {
  it('returns the scripted answer, validated, on the balanced tier', async () => {
    model.fake.script(TOOL, { reply: ANSWER });
    const result = await model.runner.run(techStackResearch, { account });
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ output: ANSWER, simulated: false, model: 'claude-sonnet-5-5', calls: 1, confidence: 0.75 });
  });

  it('repairs a stack that contradicts its own recent changes, once, quoting the check', async () => {
    const contradictory = { ...ANSWER, recentChanges: [{ ...ANSWER.recentChanges[0], change: 'removed' }] };
    model.fake.script(TOOL, { reply: contradictory }, { reply: ANSWER });
    const result = await model.runner.run(techStackResearch, { account });
    expect(result.ok && result.output).toEqual(ANSWER);
    expect(model.repairText(TOOL)).toContain('- recentChanges says Outreach (sales_engagement) was removed on 2026-05-01, but stack still lists it');
  });

  it('repairs an integration point with one system and an unknown category, once', async () => {
    const broken = { ...ANSWER, stack: [{ ...ANSWER.stack[0], category: 'erp' }], integrationPoints: [{ ...ANSWER.integrationPoints[0], systems: ['Salesforce'] }] };
    model.fake.script(TOOL, { reply: broken }, { reply: ANSWER });
    const result = await model.runner.run(techStackResearch, { account });
    expect(result.ok && result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('integrationPoints.0.systems: an integration joins at least two systems');
    expect(model.repairText(TOOL)).toContain('stack.0.category:');
  });
});
