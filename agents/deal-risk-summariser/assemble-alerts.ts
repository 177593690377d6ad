import type { Alert } from '../../src/contracts/alert-request.js';
import { planAlerts, type RollupPlan } from './alert-plan.js';
import { CHANNEL_AUDIENCE, type DealRiskAlerts, type DealRiskSummariserInput, type RiskSummariesAnswer } from './deal-risk-summariser-schemas.js';

/** The model's words on code's plan: audiences, severities and records never come from the model. */
export function assembleAlerts(answer: RiskSummariesAnswer, input: DealRiskSummariserInput): DealRiskAlerts {
  const plan = planAlerts(input);
  const summaries = new Map(answer.repSummaries.map((summary) => [summary.repId, summary]));
  const rollups = new Map(answer.managerRollups.map((rollup) => [rollup.audience, rollup]));
  const repAlerts = plan.reps.map((rep): Alert => {
    const words = summaries.get(rep.repId);
    return {
      kind: 'deal_risk',
      audience: { kind: 'user', userId: rep.repId, name: rep.repName },
      severity: rep.flagged.some((deal) => deal.riskLevel === 'high') ? 'critical' : 'warning',
      title: words?.title ?? `${rep.flagged.length} deals at risk`,
      body: words?.body ?? rep.flagged.map((deal) => `- ${deal.name}: ${deal.summary}`).join('\n').slice(0, 3_000),
      records: rep.flagged.slice(0, 50).map((deal) => ({ type: 'Opportunity', id: deal.opportunityId })),
    };
  });
  const rollupAlerts = plan.rollups.map((rollup): Alert => {
    const words = rollups.get(rollup.audience);
    return {
      kind: 'manager_rollup',
      audience: audienceOf(rollup, input.review.rollupChannel),
      severity: rollup.flagged.length > 0 ? 'warning' : 'info',
      title: words?.title ?? `Pipeline review ${input.review.asOf}`,
      body: words?.body ?? `${rollup.flagged.length} of ${rollup.deals.length} open deals flagged.`,
      records: rollup.flagged.slice(0, 50).map((deal) => ({ type: 'Opportunity', id: deal.opportunityId })),
    };
  });
  return { alerts: [...repAlerts, ...rollupAlerts], confidence: answer.confidence };
}

function audienceOf(rollup: RollupPlan, channel: string): Alert['audience'] {
  if (rollup.audience === CHANNEL_AUDIENCE) return { kind: 'channel', channel };
  return { kind: 'user', userId: rollup.audience, ...(rollup.managerName === null ? {} : { name: rollup.managerName }) };
}
