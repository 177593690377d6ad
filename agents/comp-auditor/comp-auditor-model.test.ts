import { beforeAll, describe, expect, it } from 'vitest';
import { useFakeModelRunner } from '../../test/support/fake-model-runner.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { NO_CONTACTS, SLIPPING, STALLED, outputOf, samplePipeline } from '../../test/workflows/review-deals-fixture.js';
import { dealForecaster } from '../deal-forecaster/deal-forecaster.js';
import { dealInspector } from '../deal-inspector/deal-inspector.js';
import { compAuditor } from './comp-auditor.js';
import { CompAuditSchema, type CompAuditAnswer } from './comp-auditor-schemas.js';

const TOOL = 'submit_comp_auditor';
const ANSWER: CompAuditAnswer = {
  audits: [
    { opportunityId: SLIPPING.id, payoutRisk: 'high', note: 'Change the type to New Business: the account is a prospect, so the expansion rate would overpay.', judgedFindings: [] },
    { opportunityId: STALLED.id, payoutRisk: 'high', note: 'Change the type to Expansion: the account is a customer.', judgedFindings: [{ kind: 'other', detail: 'A reorg may move the budget to another entity.' }] },
    { opportunityId: NO_CONTACTS.id, payoutRisk: 'none', note: 'Nothing changes what would be paid.', judgedFindings: [] },
  ],
  confidence: 0.8,
};

let forecasted: Record<string, unknown>;
const model = useFakeModelRunner();
beforeAll(async () => {
  const { runner } = await createOfflineRunner();
  forecasted = await outputOf(runner, dealForecaster, await outputOf(runner, dealInspector, samplePipeline()));
});

describe('comp-auditor with a model (the real SDK against the fake Messages API)', () => {
  it('asks the balanced model for verdicts and puts the rule findings beside its judged ones', async () => {
    model.fake.script(TOOL, { reply: ANSWER });
    const result = await model.runner.run(compAuditor, forecasted);
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ simulated: false, model: 'claude-sonnet-5-5', calls: 1, confidence: 0.8 });
    const { compAudit } = CompAuditSchema.parse(result.output);
    expect(compAudit.audits[1]?.findings.map((finding) => [finding.basis, finding.kind])).toEqual([['rule', 'deal_type_mismatch'], ['judgement', 'other']]);
    expect(compAudit.audits[1]?.note).toBe(ANSWER.audits[1]?.note);
  });

  it('repairs a clean verdict on a mistyped deal, quoting the rule finding, once', async () => {
    const lenient = { ...ANSWER, audits: [{ ...ANSWER.audits[0]!, payoutRisk: 'none' as const }, ...ANSWER.audits.slice(1)] };
    model.fake.script(TOOL, { reply: lenient }, { reply: ANSWER });
    const result = await model.runner.run(compAuditor, forecasted);
    expect(result.ok && result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain(`audits[0].payoutRisk is none, but the rules found deal_type_mismatch, weighted_amount_overstated on ${SLIPPING.id}: say low or high`);
  });
});
