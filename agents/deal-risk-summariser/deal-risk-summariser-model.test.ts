import { beforeAll, describe, expect, it } from 'vitest';
import { useFakeModelRunner } from '../../test/support/fake-model-runner.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { NO_CONTACTS, SLIPPING, STALLED, outputOf, samplePipeline } from '../../test/workflows/review-deals-fixture.js';
import { dealForecaster } from '../deal-forecaster/deal-forecaster.js';
import { dealInspector } from '../deal-inspector/deal-inspector.js';
import { dealRiskSummariser } from './deal-risk-summariser.js';
import { DealRiskAlertsSchema, type RiskSummariesAnswer } from './deal-risk-summariser-schemas.js';

const TOOL = 'submit_deal_risk_summariser';
const ANSWER: RiskSummariesAnswer = {
  repSummaries: [
    { repId: '005A', title: '1 deal slipped', body: `*${SLIPPING.name}*: close date passed 9 days ago. Get a new date from the CFO today (forecast 50% → 24%).` },
    { repId: '005B', title: '1 deal stalled', body: `*${STALLED.name}*: silent for 52 days after a reorg. Find the new sponsor this week.` },
    { repId: '005C', title: '1 deal with no contacts', body: `*${NO_CONTACTS.name}*: nobody at the account is in the CRM. Add the intro call contact.` },
  ],
  managerRollups: [
    { audience: '005M', title: 'Team pipeline: 2 of 3 flagged', body: `3 open deals, $735K; 2 flagged, $475K at risk.\n- ${SLIPPING.name} (Priya Raman)\n- ${STALLED.name} (Marcus Bell)` },
    { audience: 'channel', title: 'Unmanaged reps: 1 flagged', body: `1 open deal, $12K; 1 flagged.\n- ${NO_CONTACTS.name} (Luis Ortega)` },
  ],
  confidence: 0.85,
};

let forecasted: Record<string, unknown>;
const model = useFakeModelRunner();
beforeAll(async () => {
  const { runner } = await createOfflineRunner();
  forecasted = samplePipeline();
  for (const agent of [dealInspector, dealForecaster]) forecasted = await outputOf(runner, agent, forecasted);
});

describe('deal-risk-summariser with a model (the real SDK against the fake Messages API)', () => {
  it('asks the deep model for the words only; audiences, severities and records come from code', async () => {
    model.fake.script(TOOL, { reply: ANSWER });
    const result = await model.runner.run(dealRiskSummariser, forecasted);
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ simulated: false, model: 'claude-opus-5-5', calls: 1, confidence: 0.85 });
    const { alerts } = DealRiskAlertsSchema.parse(result.output);
    expect(alerts.map((alert) => [alert.kind, alert.title])).toEqual([
      ['deal_risk', '1 deal slipped'],
      ['deal_risk', '1 deal stalled'],
      ['deal_risk', '1 deal with no contacts'],
      ['manager_rollup', 'Team pipeline: 2 of 3 flagged'],
      ['manager_rollup', 'Unmanaged reps: 1 flagged'],
    ]);
    expect(alerts[0]?.audience).toEqual({ kind: 'user', userId: '005A', name: 'Priya Raman' });
  });

  it('repairs a roll-up sent to the wrong audience that leaves a high-risk deal out, once', async () => {
    const wrong = { ...ANSWER, managerRollups: [{ ...ANSWER.managerRollups[0]!, body: `Only ${SLIPPING.name}` }, { ...ANSWER.managerRollups[1]!, audience: '005C' }] };
    model.fake.script(TOOL, { reply: wrong }, { reply: ANSWER });
    const result = await model.runner.run(dealRiskSummariser, forecasted);
    expect(result.ok && result.calls).toBe(2);
    const repair = model.repairText(TOOL);
    expect(repair).toContain('managerRollups[1].audience "005C" gets no alert: use one of "005M", "channel"');
    expect(repair).toContain(`managerRollups[0].body does not name "${STALLED.name}"`);
  });

  it('escalates a body too long for one Slack section after the repair also fails', async () => {
    const long = { ...ANSWER, repSummaries: [{ ...ANSWER.repSummaries[0]!, body: 'x'.repeat(3_001) }, ...ANSWER.repSummaries.slice(1)] };
    model.fake.script(TOOL, { reply: long }, { reply: long });
    const result = await model.runner.run(dealRiskSummariser, forecasted);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('model_output_invalid');
  });
});
