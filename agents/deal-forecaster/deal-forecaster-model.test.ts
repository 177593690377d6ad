import { beforeAll, describe, expect, it } from 'vitest';
import { useFakeModelRunner } from '../../test/support/fake-model-runner.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { NO_CONTACTS, SLIPPING, STALLED, outputOf, samplePipeline } from '../../test/workflows/review-deals-fixture.js';
import { dealInspector } from '../deal-inspector/deal-inspector.js';
import { dealForecaster } from './deal-forecaster.js';
import { DealForecastsSchema, type ForecastAnswer } from './deal-forecaster-schemas.js';

const TOOL = 'submit_deal_forecaster';
const ANSWER: ForecastAnswer = {
  forecasts: [
    { opportunityId: SLIPPING.id, winProbability: 0.3, expectedCloseDate: '2026-12-15', rationale: 'Close date passed and no economic buyer: less likely, and later.', confidence: 0.7 },
    { opportunityId: STALLED.id, winProbability: 0.05, expectedCloseDate: '2027-04-30', rationale: 'Silent for 52 days and the champion left in a reorg.', confidence: 0.6 },
    { opportunityId: NO_CONTACTS.id, winProbability: 0.08, expectedCloseDate: '2027-01-15', rationale: 'Nobody at the account is known yet, so it stays early.', confidence: 0.5 },
  ],
  confidence: 0.65,
};

let inspected: Record<string, unknown>;
const model = useFakeModelRunner();
beforeAll(async () => {
  const { runner } = await createOfflineRunner();
  inspected = await outputOf(runner, dealInspector, samplePipeline());
});

describe('deal-forecaster with a model (the real SDK against the fake Messages API)', () => {
  it('asks the balanced model for probabilities and dates, and derives categories and weighted amounts', async () => {
    model.fake.script(TOOL, { reply: ANSWER });
    const result = await model.runner.run(dealForecaster, inspected);
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ simulated: false, model: 'claude-sonnet-5-5', calls: 1, confidence: 0.65 });
    const output = DealForecastsSchema.parse(result.output);
    expect(output.forecasts.map((entry) => [entry.forecastCategory, entry.weightedAmount])).toEqual([['pipeline', 28_500], ['omitted', 19_000], ['omitted', 960]]);
    const sent = JSON.stringify(model.fake.requestsFor(TOOL)[0]?.body);
    expect(sent).toContain('flaggedDeals');
  });

  it('repairs a forecast that raises a flagged deal above its stage probability, once', async () => {
    const raised = { ...ANSWER, forecasts: [{ ...ANSWER.forecasts[0]!, winProbability: 0.9 }, ...ANSWER.forecasts.slice(1)] };
    model.fake.script(TOOL, { reply: raised }, { reply: ANSWER });
    const result = await model.runner.run(dealForecaster, inspected);
    expect(result.ok && result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('forecasts[0].winProbability 0.9 is above the CRM\'s Proposal probability 0.5');
  });
});
