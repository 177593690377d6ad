import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { HEALTHY, NO_CONTACTS, REVIEW, SLIPPING, STALLED, samplePipeline } from '../../test/workflows/review-deals-fixture.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { dealInspector } from './deal-inspector.js';
import { DealInspectionSchema, type InspectionAnswer } from './deal-inspector-schemas.js';
import { stakeholderRole } from './inspection-rules.js';

let runner: AgentRunner;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
});

async function inspect(pipeline = samplePipeline()) {
  const result = await runner.run(dealInspector, pipeline);
  if (!result.ok) throw result.error;
  return result;
}

describe('deal-inspector in offline mode', () => {
  it('flags the slipping, stalled and contactless deals with their rule issues, and leaves the healthy one alone', async () => {
    const { output, simulated } = await inspect();
    expect(simulated).toBe(true);
    const byId = new Map(output.flaggedDeals.map((deal) => [deal.opportunityId, deal]));
    expect([...byId.keys()]).toEqual([SLIPPING.id, STALLED.id, NO_CONTACTS.id]);
    expect(byId.get(SLIPPING.id)?.issues.map((issue) => issue.kind)).toEqual(['close_date_passed', 'missing_economic_buyer']);
    expect(byId.get(SLIPPING.id)?.issues[0]?.detail).toBe('Close date 2026-11-11 passed 9 days ago and the deal is still open.');
    expect(byId.get(STALLED.id)?.issues.map((issue) => [issue.basis, issue.kind])).toEqual([['rule', 'stalled'], ['rule', 'missing_champion'], ['judgement', 'next_step_risk']]);
    expect(byId.get(NO_CONTACTS.id)?.issues.map((issue) => issue.kind)).toEqual(['no_contacts']);
    expect(output.flaggedDeals.map((deal) => deal.riskLevel)).toEqual(['high', 'high', 'low']);
  });

  it('stamps each flagged deal with its source, the time it was read and a confidence, and carries the pipeline on unchanged', async () => {
    const { output } = await inspect();
    for (const flagged of output.flaggedDeals) {
      expect(flagged.source).toEqual(REVIEW.source);
      expect(flagged.confidence).toBe(output.confidence);
      expect(flagged.summary).toMatch(/^\[simulated\] /);
    }
    expect(output.review).toEqual(REVIEW);
    expect(output.deals).toEqual(samplePipeline().deals);
  });

  it('flags nothing in an empty pipeline', async () => {
    const { output } = await inspect(samplePipeline([]));
    expect(output).toMatchObject({ deals: [], flaggedDeals: [] });
  });

  it('flags a stall by the review\'s own limit: 21 idle days pass at 30 and stall at 14', async () => {
    const strict = await inspect({ review: { ...REVIEW, stalledAfterDays: 14 }, deals: [SLIPPING] });
    expect(strict.output.flaggedDeals[0]?.issues.map((issue) => issue.kind)).toContain('stalled');
    const lenient = await inspect({ review: REVIEW, deals: [SLIPPING] });
    expect(lenient.output.flaggedDeals[0]?.issues.map((issue) => issue.kind)).not.toContain('stalled');
  });

  it('answers in the declared format and reads only the review and the deals', async () => {
    const { output } = await inspect();
    expect(DealInspectionSchema.parse(output)).toEqual(output);
    expect(Object.keys(runner.prepareInput(dealInspector, { ...samplePipeline(), secrets: 'x' }))).toEqual(['review', 'deals']);
  });

  it('refuses a deal without a name, naming the field, before any model call', async () => {
    const result = await runner.run(dealInspector, { review: REVIEW, deals: [{ ...HEALTHY, name: '' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('deals.0.name');
  });
});

describe('deal-inspector rules', () => {
  it.each([
    ['Chief Revenue Officer', 'economic_buyer'],
    ['VP of Sales', 'economic_buyer'],
    ['Director of Revenue Operations', 'champion'],
    ['Head of Marketing', 'champion'],
    ['IT Director', 'technical_buyer'],
    ['Account Coordinator', 'user'],
  ])('reads "%s" as %s', (title, role) => {
    expect(stakeholderRole({ title })).toBe(role);
  });

  const input = samplePipeline();
  const assessment = (opportunityId: string) => ({ opportunityId, summary: 'Close date passed: get a new date from the buyer today.', judgedIssues: [] });
  const answer = (assessments: InspectionAnswer['assessments']): InspectionAnswer => ({ assessments, confidence: 0.8 });

  it('accepts one assessment per flagged deal', () => {
    expect(agentCheckMessages(dealInspector, answer([assessment(SLIPPING.id), assessment(STALLED.id), assessment(NO_CONTACTS.id)]), input)).toEqual([]);
  });

  it('names a rule-flagged deal the model left out, with the rules that flag it', () => {
    expect(agentCheckMessages(dealInspector, answer([assessment(SLIPPING.id), assessment(NO_CONTACTS.id)]), input)).toEqual([
      `assessments has no entry for "${STALLED.name}" (${STALLED.id}), which the rules flag for stalled, missing_champion: add one with a summary`,
    ]);
  });

  it('refuses an invented deal, a second assessment, and a healthy deal flagged with no judged issue', () => {
    const all = [assessment(SLIPPING.id), assessment(STALLED.id), assessment(NO_CONTACTS.id)];
    expect(agentCheckMessages(dealInspector, answer([...all, assessment('006FAKE'), assessment(SLIPPING.id), assessment(HEALTHY.id)]), input)).toEqual([
      'assessments[3].opportunityId "006FAKE" is not one of the open deals in the input',
      `assessments[4] assesses ${SLIPPING.id} a second time: give each deal one assessment`,
      `assessments[5] ("${HEALTHY.name}") has no judged issue and the rules flag nothing: name the risk in judgedIssues, or drop the assessment`,
    ]);
  });
});
