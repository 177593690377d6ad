import { defineAgent } from '../runtime/define-agent.js';
import { assembleAlerts } from './assemble-alerts.js';
import { DealRiskAlertsSchema, DealRiskSummariserInputSchema, RiskSummariesAnswerSchema } from './deal-risk-summariser-schemas.js';
import { simulateRiskSummaries } from './simulate-risk-summaries.js';
import { audienceCoverageProblems, namedDealProblems } from './summary-checks.js';

/**
 * The deal review's alerts: a risk summary for each rep with flagged deals and a roll-up for each
 * manager. Writing, so the deep tier; but only the words are the model's: code decides who gets
 * an alert, its severity and records.
 */
export const dealRiskSummariser = defineAgent({
  name: 'deal-risk-summariser',
  description:
    'Writes the deal review\'s alerts: a risk summary for each rep with flagged deals (each deal, its issues and forecast) and a roll-up for each manager (open and flagged deals of the team, riskiest first, and a plain "nothing flagged" or "no open deals" when so).',
  input: DealRiskSummariserInputSchema,
  answer: RiskSummariesAnswerSchema,
  output: DealRiskAlertsSchema,
  finalize: assembleAlerts,
  tier: 'deep',
  prompt: 'deal-risk-summariser.md',
  timeoutMs: 120_000,
  maxOutputTokens: 8192,
  reads: ['review', 'deals', 'flaggedDeals', 'forecasts'],
  checks: [
    { name: 'one-alert-per-audience', description: 'One summary per rep with flagged deals and one roll-up per manager (or the roll-up channel); nobody else.', run: audienceCoverageProblems },
    { name: 'deals-named', description: 'A rep\'s summary names each of the rep\'s flagged deals; a roll-up names every high-risk deal of the team.', run: namedDealProblems },
  ],
  simulate: simulateRiskSummaries,
});
