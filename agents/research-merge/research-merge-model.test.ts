import { describe, expect, it } from 'vitest';
import { useFakeModelRunner } from '../../test/support/fake-model-runner.js';
import { sampleResearchBranches } from '../../test/support/sample-research-branches.js';
import { AccountBriefSchema } from '../contracts/account-brief.js';
import { researchMerge } from './research-merge.js';
import type { ResearchSynthesis } from './research-merge-schemas.js';

const TOOL = 'submit_research_merge';
const account = { name: 'Northwind Logistics', domain: 'northwind-logistics.com' };
const SYNTHESIS: ResearchSynthesis = {
  summary: 'Northwind Logistics sells freight visibility software; it raised a $45M Series B in October 2026 and is building out sales and RevOps.',
  problemHypothesis: 'Twelve roles opened in 90 days after the Series B, with a first RevOps hire: ramping new reps on a fresh Outreach rollout is the likely bottleneck.',
  buyingCommittee: [
    { name: 'Dana Ortiz', role: 'economic_buyer' },
    { name: 'Sam Lee', role: 'champion' },
  ],
  confidence: 0.8,
};

const model = useFakeModelRunner();

describe('research-merge with a model (the real SDK against the fake Messages API)', () => {
  it('asks the deep model only for the synthesis, and assembles a valid AccountBrief around it', async () => {
    model.fake.script(TOOL, { reply: SYNTHESIS });
    const result = await model.runner.run(researchMerge, { account, branches: sampleResearchBranches(), missing: [] });
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ simulated: false, model: 'claude-opus-5-5', calls: 1, confidence: 0.8 });
    const brief = AccountBriefSchema.parse(result.output);
    expect(brief.buyingCommittee).toEqual([
      { name: 'Dana Ortiz', title: 'VP Sales', role: 'economic_buyer', sources: sampleResearchBranches().hiring.people[0]?.sources },
      { name: 'Sam Lee', title: 'Director of Revenue Operations', role: 'champion', sources: sampleResearchBranches().hiring.people[1]?.sources },
    ]);
    expect(brief.signals.map((signal) => [signal.kind, signal.sources.length])).toEqual([
      ['hiring', 3],
      ['funding', 2],
      ['tech_change', 1],
      ['hiring', 1],
    ]);
    const tool = (model.fake.requestsFor(TOOL)[0]?.body as { tools: { input_schema: { properties: object } }[] }).tools[0];
    expect(Object.keys(tool?.input_schema.properties ?? {})).toEqual(['summary', 'problemHypothesis', 'buyingCommittee', 'confidence']);
  });

  it('repairs an overconfident answer with an invented contact once, quoting both problems, and carries missing through', async () => {
    const { signals: _signals, ...branches } = sampleResearchBranches();
    const missing = [{ branch: 'signals', reason: 'timed out after 60 s' }];
    const invented = { ...SYNTHESIS, confidence: 0.9, buyingCommittee: [...SYNTHESIS.buyingCommittee, { name: 'Pat Doe', role: 'blocker' }] };
    model.fake.script(TOOL, { reply: invented }, { reply: { ...SYNTHESIS, confidence: 0.6 } });
    const result = await model.runner.run(researchMerge, { account, branches, missing });
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    expect(AccountBriefSchema.parse(result.output)).toMatchObject({ missing, confidence: 0.6 });
    const repair = model.repairText(TOOL);
    expect(repair).toContain('- confidence 0.9 is above 0.7 while 1 research branch is missing (signals (timed out after 60 s))');
    expect(repair).toContain('- buyingCommittee[2] "Pat Doe" is not among the people the research found ("Dana Ortiz", "Sam Lee")');
  });

  it('escalates to a human when the repaired answer is still invalid', async () => {
    model.fake.script(TOOL, { reply: { ...SYNTHESIS, summary: '' } }, { reply: { ...SYNTHESIS, confidence: 7 } });
    const result = await model.runner.run(researchMerge, { account, branches: sampleResearchBranches(), missing: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'model_output_invalid' });
  });
});
