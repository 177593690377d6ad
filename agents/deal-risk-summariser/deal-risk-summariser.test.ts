import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { NO_CONTACTS, SLIPPING, STALLED, outputOf, samplePipeline } from '../../test/workflows/review-deals-fixture.js';
import { alertsRequest } from '../../src/contracts/alert-request.js';
import type { OpenDeal } from '../../src/contracts/open-pipeline.js';
import { dealForecaster } from '../deal-forecaster/deal-forecaster.js';
import { dealInspector } from '../deal-inspector/deal-inspector.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { dealRiskSummariser } from './deal-risk-summariser.js';
import { DealRiskSummariserInputSchema, type DealRiskSummariserInput, type RiskSummariesAnswer } from './deal-risk-summariser-schemas.js';

let runner: AgentRunner;
let forecasted: DealRiskSummariserInput;

async function reviewUpToForecast(deals?: readonly OpenDeal[]): Promise<DealRiskSummariserInput> {
  let context: unknown = samplePipeline(deals);
  for (const agent of [dealInspector, dealForecaster]) context = await outputOf(runner, agent, context);
  return DealRiskSummariserInputSchema.parse(context);
}

beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
  forecasted = await reviewUpToForecast();
});

async function summarise(input: unknown = forecasted) {
  const result = await runner.run(dealRiskSummariser, input);
  if (!result.ok) throw result.error;
  return result;
}

describe('deal-risk-summariser in offline mode', () => {
  it('sends one risk summary to each rep with flagged deals and a roll-up per manager, and nothing to the deal desk', async () => {
    const { output } = await summarise();
    expect(output.alerts.map((alert) => [alert.kind, alert.audience, alert.severity])).toEqual([
      ['deal_risk', { kind: 'user', userId: '005A', name: 'Priya Raman' }, 'critical'],
      ['deal_risk', { kind: 'user', userId: '005B', name: 'Marcus Bell' }, 'critical'],
      ['deal_risk', { kind: 'user', userId: '005C', name: 'Luis Ortega' }, 'warning'],
      ['manager_rollup', { kind: 'user', userId: '005M', name: 'Grace Whitfield' }, 'warning'],
      ['manager_rollup', { kind: 'channel', channel: 'sales-leadership' }, 'warning'],
    ]);
    expect(output.alerts[3]?.records).toEqual([{ type: 'Opportunity', id: SLIPPING.id }, { type: 'Opportunity', id: STALLED.id }]);
    expect(output.alerts[3]?.body).toContain('3 open deals worth $735K; 2 flagged ($475K at risk)');
  });

  it('names each deal in its rep\'s summary, with the issues and the forecast\'s move', async () => {
    const { output } = await summarise();
    expect(output.alerts[0]?.body).toBe(
      `[simulated] Priya Raman, 1 of your open deals needs attention before the forecast call:\n- *${SLIPPING.name}* (high risk): close date passed, missing economic buyer; forecast 50% → 24%, close by 2026-12-20.`,
    );
    expect(output.alerts[2]?.body).toContain(NO_CONTACTS.name);
  });

  it('with no open deals sends no risk summary, only a roll-up to the channel that says so', async () => {
    const { output } = await summarise(await reviewUpToForecast([]));
    expect(output.alerts).toEqual([
      {
        kind: 'manager_rollup',
        audience: { kind: 'channel', channel: 'sales-leadership' },
        severity: 'info',
        title: 'Pipeline review 2026-11-20: no open deals',
        body: '[simulated] No open opportunities in the CRM on 2026-11-20: nothing to review and no deal flagged.',
        records: [],
      },
    ]);
  });

  it('gives a manager whose team has nothing flagged an info roll-up', async () => {
    const { output } = await summarise(await reviewUpToForecast([{ ...SLIPPING, closeDate: '2026-12-31', contacts: [{ id: '003Z', name: 'Ada Chen', title: 'CFO' }, { id: '003Y', name: 'Bo Li', title: 'Sales Director' }] }]));
    expect(output.alerts.map((alert) => [alert.kind, alert.severity])).toEqual([['manager_rollup', 'info']]);
    expect(output.alerts[0]?.body).toContain('0 flagged');
  });

  it('produces alerts the alerts.request effect accepts as they are', async () => {
    const { output } = await summarise();
    expect(alertsRequest.input.parse({ alerts: output.alerts })).toEqual({ alerts: output.alerts });
    expect(Object.keys(runner.prepareInput(dealRiskSummariser, { ...forecasted, extra: 1 }))).toEqual(['review', 'deals', 'flaggedDeals', 'forecasts']);
  });
});

describe('deal-risk-summariser checks', () => {
  const rep = (repId: string, body: string) => ({ repId, title: 'Deals at risk', body });
  const rollup = (audience: string, body: string) => ({ audience, title: 'Pipeline review', body });
  const answer = (overrides: Partial<RiskSummariesAnswer>): RiskSummariesAnswer => ({
    repSummaries: [rep('005A', SLIPPING.name), rep('005B', STALLED.name), rep('005C', NO_CONTACTS.name)],
    managerRollups: [rollup('005M', `${SLIPPING.name} and ${STALLED.name}`), rollup('channel', 'One deal flagged.')],
    confidence: 0.8,
    ...overrides,
  });

  it('accepts one alert per audience that names the deals', () => {
    expect(agentCheckMessages(dealRiskSummariser, answer({}), forecasted)).toEqual([]);
  });

  it('names a rep left out, an audience that gets no alert, and a high-risk deal the roll-up does not name', () => {
    const messages = agentCheckMessages(dealRiskSummariser, answer({
      repSummaries: [rep('005A', SLIPPING.name), rep('005C', NO_CONTACTS.name), rep('005X', 'Hello')],
      managerRollups: [rollup('005M', `${SLIPPING.name} only`), rollup('channel', 'One deal flagged.')],
    }), forecasted);
    expect(messages).toEqual([
      'repSummaries[2].repId "005X" gets no alert: use one of "005A", "005B", "005C"',
      'repSummaries has no entry for Marcus Bell (repId "005B"): add one',
      `managerRollups[0].body does not name "${STALLED.name}": name every deal exactly as in the CRM`,
    ]);
  });
});
