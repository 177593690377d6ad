import { describe, expect, it } from 'vitest';
import { useFakeModelRunner } from '../../test/support/fake-model-runner.js';
import { HEALTHY, NO_CONTACTS, SLIPPING, STALLED, samplePipeline } from '../../test/workflows/review-deals-fixture.js';
import { dealInspector } from './deal-inspector.js';
import { DealInspectionSchema, type InspectionAnswer } from './deal-inspector-schemas.js';

const TOOL = 'submit_deal_inspector';
const ANSWER: InspectionAnswer = {
  assessments: [
    { opportunityId: SLIPPING.id, summary: 'Close date passed nine days ago with no signature: get a new date from the CFO today.', judgedIssues: [] },
    { opportunityId: STALLED.id, summary: 'Silent for 52 days after a reorg: find the new sponsor before the next call.', judgedIssues: [{ kind: 'next_step_risk', detail: 'Next step "Re-engage champion after reorg" means the sponsor left.' }] },
    { opportunityId: NO_CONTACTS.id, summary: 'Nobody at the account is in the CRM: add the contact from the intro call.', judgedIssues: [] },
    { opportunityId: HEALTHY.id, summary: 'The CFO has not confirmed the proposal meeting: confirm it this week.', judgedIssues: [{ kind: 'other', detail: 'Proposal meeting with the CFO is not yet scheduled.' }] },
  ],
  confidence: 0.85,
};

const model = useFakeModelRunner();

describe('deal-inspector with a model (the real SDK against the fake Messages API)', () => {
  it('asks the balanced model for assessments only, and adds the rule issues to its answer', async () => {
    model.fake.script(TOOL, { reply: ANSWER });
    const result = await model.runner.run(dealInspector, samplePipeline());
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ simulated: false, model: 'claude-sonnet-5-5', calls: 1, confidence: 0.85 });
    const output = DealInspectionSchema.parse(result.output);
    expect(output.flaggedDeals.map((deal) => deal.opportunityId)).toEqual([SLIPPING.id, STALLED.id, HEALTHY.id, NO_CONTACTS.id]);
    expect(output.flaggedDeals[2]).toMatchObject({ riskLevel: 'low', issues: [{ basis: 'judgement', kind: 'other' }], summary: ANSWER.assessments[3]?.summary });
    const tool = (model.fake.requestsFor(TOOL)[0]?.body as { tools: { input_schema: { properties: object } }[] }).tools[0];
    expect(Object.keys(tool?.input_schema.properties ?? {})).toEqual(['assessments', 'confidence']);
  });

  it('repairs an answer that skips a slipping deal and invents another, quoting both problems, once', async () => {
    const broken = { ...ANSWER, assessments: [...ANSWER.assessments.slice(1), { ...ANSWER.assessments[0]!, opportunityId: '006GHOST' }] };
    model.fake.script(TOOL, { reply: broken }, { reply: ANSWER });
    const result = await model.runner.run(dealInspector, samplePipeline());
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    const repair = model.repairText(TOOL);
    expect(repair).toContain('assessments[3].opportunityId "006GHOST" is not one of the open deals in the input');
    expect(repair).toContain(`assessments has no entry for "${SLIPPING.name}" (${SLIPPING.id}), which the rules flag for close_date_passed, missing_economic_buyer`);
  });

  it('escalates when the repaired answer is still invalid', async () => {
    const vague = { ...ANSWER, assessments: [{ ...ANSWER.assessments[0]!, summary: 'Risky.' }] };
    model.fake.script(TOOL, { reply: vague }, { reply: vague });
    const result = await model.runner.run(dealInspector, samplePipeline());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('model_output_invalid');
  });
});
