import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { AS_OF, NO_CONTACTS, SLIPPING, STALLED, outputOf, samplePipeline } from '../../test/workflows/review-deals-fixture.js';
import { dealInspector } from '../deal-inspector/deal-inspector.js';
import { DealInspectionSchema } from '../deal-inspector/deal-inspector-schemas.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { dealForecaster } from './deal-forecaster.js';
import { DealForecastsSchema, type DealForecasterInput, type ForecastAnswer } from './deal-forecaster-schemas.js';
import { forecastCategoryOf } from './forecast-rules.js';

let runner: AgentRunner;
let inspected: DealForecasterInput;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
  inspected = DealInspectionSchema.parse(await outputOf(runner, dealInspector, samplePipeline()));
});

async function forecast(input: unknown = inspected) {
  const result = await runner.run(dealForecaster, input);
  if (!result.ok) throw result.error;
  return result;
}

describe('deal-forecaster in offline mode', () => {
  it('takes the inspection as it is and forecasts each flagged deal, lower than its stage probability', async () => {
    const { output } = await forecast();
    expect(output.forecasts.map((entry) => entry.opportunityId)).toEqual([SLIPPING.id, STALLED.id, NO_CONTACTS.id]);
    const slipping = output.forecasts[0]!;
    expect(slipping).toMatchObject({ previousProbability: 0.5, winProbability: 0.24, forecastCategory: 'pipeline', previousWeightedAmount: 47_500, weightedAmount: 22_800 });
    for (const entry of output.forecasts) expect(entry.winProbability).toBeLessThan(entry.previousProbability!);
  });

  it('moves a slipped or stalled deal\'s close date a month past today, and never before the review day', async () => {
    const { output } = await forecast();
    expect(output.forecasts.map((entry) => entry.expectedCloseDate)).toEqual(['2026-12-20', '2027-03-20', NO_CONTACTS.closeDate]);
    for (const entry of output.forecasts) expect(entry.expectedCloseDate >= AS_OF).toBe(true);
  });

  it('stamps each forecast with its source, day and confidence and carries the inspection on', async () => {
    const { output } = await forecast();
    for (const entry of output.forecasts) expect(entry.source).toEqual({ source: 'deal-forecaster', observedAt: AS_OF, confidence: entry.confidence });
    expect(DealForecastsSchema.parse(output)).toEqual(output);
    expect(output.flaggedDeals).toEqual(inspected.flaggedDeals);
  });

  it('forecasts nothing when nothing was flagged', async () => {
    const { output } = await forecast({ ...inspected, flaggedDeals: [] });
    expect(output.forecasts).toEqual([]);
  });

  it.each([[0.75, 'commit'], [0.4, 'best_case'], [0.1, 'pipeline'], [0.05, 'omitted']])('puts %f in %s', (probability, category) => {
    expect(forecastCategoryOf(probability)).toBe(category);
  });
});

describe('deal-forecaster checks', () => {
  const item = (opportunityId: string, overrides: Partial<ForecastAnswer['forecasts'][number]> = {}) => ({
    opportunityId, winProbability: 0.05, expectedCloseDate: '2027-01-31', rationale: 'Slipped and silent: far less likely this quarter.', confidence: 0.6, ...overrides,
  });
  const answer = (forecasts: ForecastAnswer['forecasts']): ForecastAnswer => ({ forecasts, confidence: 0.6 });

  it('accepts one bounded forecast per flagged deal', () => {
    expect(agentCheckMessages(dealForecaster, answer([item(SLIPPING.id), item(STALLED.id), item(NO_CONTACTS.id)]), inspected)).toEqual([]);
  });

  it('names a missing forecast and a forecast for a deal that was not flagged', () => {
    expect(agentCheckMessages(dealForecaster, answer([item(SLIPPING.id), item(STALLED.id), item('006OK')]), inspected)).toEqual([
      'forecasts[2].opportunityId "006OK" is not a flagged deal: forecast only the deals in flaggedDeals',
      `forecasts has no entry for the flagged deal "${NO_CONTACTS.name}" (${NO_CONTACTS.id}): add one`,
    ]);
  });

  it('refuses a close date before the review day and a probability above the stage\'s', () => {
    const forecasts = [item(SLIPPING.id, { expectedCloseDate: '2026-11-11', winProbability: 0.8 }), item(STALLED.id), item(NO_CONTACTS.id)];
    expect(agentCheckMessages(dealForecaster, answer(forecasts), inspected)).toEqual([
      'forecasts[0].expectedCloseDate 2026-11-11 is before the review day 2026-11-20: give the date it can realistically close',
      'forecasts[0].winProbability 0.8 is above the CRM\'s Proposal probability 0.5: a flagged deal\'s risks lower it, never raise it',
    ]);
  });
});
