import { formatAmount, formatPercent } from '../deal-inspector/deal-dates.js';
import type { FlaggedDeal } from '../deal-inspector/deal-inspector-schemas.js';
import type { DealForecast } from '../deal-forecaster/deal-forecaster-schemas.js';
import { planAlerts, type RepPlan, type RollupPlan } from './alert-plan.js';
import type { DealRiskSummariserInput, RiskSummariesAnswer } from './deal-risk-summariser-schemas.js';
import { fitBody } from './fit-body.js';

const RISK_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** Offline stand-in for the summariser: each alert lists its deals, riskiest first, with issues and the forecast's move. */
export function simulateRiskSummaries(input: DealRiskSummariserInput): RiskSummariesAnswer {
  const plan = planAlerts(input);
  const forecasts = new Map(input.forecasts.map((forecast) => [forecast.opportunityId, forecast]));
  return {
    repSummaries: plan.reps.map((rep) => repSummary(rep, forecasts)),
    managerRollups: plan.rollups.map((rollup) => managerRollup(rollup, input.review.asOf)),
    confidence: 0.7,
  };
}

function repSummary(rep: RepPlan, forecasts: ReadonlyMap<string, DealForecast>) {
  const count = rep.flagged.length;
  const header = `[simulated] ${rep.repName}, ${count} of your open deals ${count === 1 ? 'needs' : 'need'} attention before the forecast call:`;
  const lines = byRisk(rep.flagged).map((deal) => `- *${deal.name}* (${deal.riskLevel} risk): ${issueList(deal)}${forecastNote(forecasts.get(deal.opportunityId))}`);
  return { repId: rep.repId, title: `${count} deal${count === 1 ? '' : 's'} at risk today`, body: fitBody(header, lines, 'in the run') };
}

function managerRollup(rollup: RollupPlan, asOf: string) {
  const audience = rollup.managerName ?? 'the team';
  if (rollup.deals.length === 0) {
    return { audience: rollup.audience, title: `Pipeline review ${asOf}: no open deals`, body: `[simulated] No open opportunities in the CRM on ${asOf}: nothing to review and no deal flagged.` };
  }
  const total = rollup.deals.reduce((sum, deal) => sum + (deal.amount ?? 0), 0);
  const atRisk = rollup.deals.filter((deal) => rollup.flagged.some((flagged) => flagged.opportunityId === deal.id)).reduce((sum, deal) => sum + (deal.amount ?? 0), 0);
  const header = `[simulated] Pipeline for ${audience} on ${asOf}: ${rollup.deals.length} open deal${rollup.deals.length === 1 ? '' : 's'} worth ${formatAmount(total)}; ${rollup.flagged.length} flagged (${formatAmount(atRisk)} at risk).`;
  const owners = new Map(rollup.deals.map((deal) => [deal.owner.id, deal.owner.name]));
  const lines = byRisk(rollup.flagged).map((deal) => `- *${deal.name}* (${owners.get(deal.ownerId) ?? deal.ownerId}, ${deal.riskLevel} risk): ${issueList(deal)}`);
  return { audience: rollup.audience, title: `Pipeline review ${asOf}: ${rollup.flagged.length} of ${rollup.deals.length} deals flagged`, body: fitBody(header, lines, 'in the run') };
}

function byRisk(deals: readonly FlaggedDeal[]): FlaggedDeal[] {
  return [...deals].sort((left, right) => RISK_ORDER[left.riskLevel] - RISK_ORDER[right.riskLevel]);
}

function issueList(deal: FlaggedDeal): string {
  return deal.issues.map((issue) => issue.kind.replaceAll('_', ' ')).join(', ');
}

function forecastNote(forecast: DealForecast | undefined): string {
  if (forecast === undefined) return '.';
  const before = forecast.previousProbability === null ? 'unset' : formatPercent(forecast.previousProbability);
  return `; forecast ${before} → ${formatPercent(forecast.winProbability)}, close by ${forecast.expectedCloseDate}.`;
}
