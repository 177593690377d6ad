import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { AS_OF, NO_CONTACTS, SLIPPING, STALLED, outputOf, samplePipeline } from '../../test/workflows/review-deals-fixture.js';
import { dealForecaster } from '../deal-forecaster/deal-forecaster.js';
import { DealForecastsSchema, type DealForecast } from '../deal-forecaster/deal-forecaster-schemas.js';
import { dealInspector } from '../deal-inspector/deal-inspector.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { compAuditAlert } from './comp-audit-alert.js';
import { compAuditor } from './comp-auditor.js';
import { CompAuditSchema, type CompAuditAnswer, type CompAuditorInput } from './comp-auditor-schemas.js';
import { compRuleFindings } from './comp-rules.js';

let runner: AgentRunner;
let forecasted: CompAuditorInput;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
  forecasted = DealForecastsSchema.parse(await outputOf(runner, dealForecaster, await outputOf(runner, dealInspector, samplePipeline())));
});

async function audit(input: unknown = forecasted) {
  const result = await runner.run(compAuditor, input);
  if (!result.ok) throw result.error;
  return result;
}

describe('comp-auditor in offline mode', () => {
  it('audits every flagged deal: a wrong deal type and an overstated weighting are high payout risk, a clean deal none', async () => {
    const { output } = await audit();
    expect(output.compAudit).toMatchObject({ checkedDeals: 3, dealsWithFindings: 2 });
    expect(output.compAudit.audits.map((entry) => [entry.opportunityId, entry.findings.map((finding) => finding.kind), entry.payoutRisk])).toEqual([
      [SLIPPING.id, ['deal_type_mismatch', 'weighted_amount_overstated'], 'high'],
      [STALLED.id, ['deal_type_mismatch'], 'high'],
      [NO_CONTACTS.id, [], 'none'],
    ]);
    expect(output.compAudit.audits[0]?.findings[0]?.detail).toBe('Booked as Expansion, but Maple & Finch Insurance is a Prospect, not a customer: expansion rates would be paid on new business.');
    expect(output.compAudit.audits[0]?.findings[1]?.detail).toBe('The CRM weights $95K at 50% ($48K); the forecast says 24% ($23K).');
  });

  it('stamps each audit with its source, day and confidence, answers in the declared format, and carries the forecast on', async () => {
    const { output } = await audit();
    for (const entry of output.compAudit.audits) expect(entry.source).toEqual({ source: 'comp-auditor', observedAt: AS_OF, confidence: output.confidence });
    expect(CompAuditSchema.parse(output)).toEqual(output);
    expect(output.forecasts).toEqual(forecasted.forecasts);
  });

  it('audits nothing when nothing was flagged', async () => {
    const { output } = await audit({ ...forecasted, flaggedDeals: [], forecasts: [] });
    expect(output.compAudit).toEqual({ audits: [], checkedDeals: 0, dealsWithFindings: 0 });
  });
});

describe('the comp audit alert', () => {
  it('sends the deal desk one alert naming each deal with findings, its owner and the note, linked to those deals', async () => {
    const { output } = await audit();
    const [alert, ...rest] = compAuditAlert(output);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ kind: 'comp_audit', audience: { kind: 'channel', channel: 'deal-desk' }, severity: 'warning', title: `Comp audit ${AS_OF}: 2 of 3 flagged deals need a look` });
    expect(alert?.records.map((record) => record.id)).toEqual([SLIPPING.id, STALLED.id]);
    expect(alert?.body).toContain(`*${SLIPPING.name}* (Priya Raman), payout risk high`);
    expect(alert?.body).not.toContain(NO_CONTACTS.name);
  });

  it('sends nothing when nothing was audited', async () => {
    const { output } = await audit({ ...forecasted, flaggedDeals: [], forecasts: [] });
    expect(compAuditAlert(output)).toEqual([]);
  });
});

describe('comp rules', () => {
  const forecast = (overrides: Partial<DealForecast>): DealForecast => ({
    opportunityId: SLIPPING.id, winProbability: 0.45, expectedCloseDate: '2026-12-20', rationale: 'x'.repeat(20), confidence: 0.6, previousProbability: 0.5,
    forecastCategory: 'best_case', previousWeightedAmount: 47_500, weightedAmount: 42_750, source: { source: 'deal-forecaster', confidence: 0.6 }, ...overrides,
  });

  it('finds a close that moves into another quarter, naming both quarters', () => {
    const findings = compRuleFindings({ ...SLIPPING, type: 'New Business' }, forecast({ expectedCloseDate: '2027-01-10' }));
    expect(findings).toEqual([{ basis: 'rule', kind: 'close_quarter_changed', detail: 'The close moves from 2026-Q4 (2026-11-11) to 2027-Q1 (2027-01-10): the booking and its commission fall in another quarter.' }]);
  });

  it('finds a missing amount, and nothing on a correctly typed deal that stays in its quarter', () => {
    expect(compRuleFindings({ ...SLIPPING, type: 'New Business', amount: null }, forecast({})).map((finding) => finding.kind)).toEqual(['amount_missing']);
    expect(compRuleFindings({ ...SLIPPING, type: 'New Business' }, forecast({}))).toEqual([]);
  });
});

describe('comp-auditor checks', () => {
  const verdict = (opportunityId: string, payoutRisk: 'none' | 'low' | 'high') => ({ opportunityId, payoutRisk, note: 'Correct the type before payouts run.', judgedFindings: [] });
  const answer = (audits: CompAuditAnswer['audits']): CompAuditAnswer => ({ audits, confidence: 0.7 });

  it('accepts one verdict per flagged deal', () => {
    expect(agentCheckMessages(compAuditor, answer([verdict(SLIPPING.id, 'high'), verdict(STALLED.id, 'low'), verdict(NO_CONTACTS.id, 'none')]), forecasted)).toEqual([]);
  });

  it('refuses a clean verdict beside a rule finding, and a missing audit', () => {
    expect(agentCheckMessages(compAuditor, answer([verdict(SLIPPING.id, 'none'), verdict(STALLED.id, 'low')]), forecasted)).toEqual([
      `audits has no entry for the flagged deal "${NO_CONTACTS.name}" (${NO_CONTACTS.id}): add one`,
      `audits[0].payoutRisk is none, but the rules found deal_type_mismatch, weighted_amount_overstated on ${SLIPPING.id}: say low or high`,
    ]);
  });
});
