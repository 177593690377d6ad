import { defineAgent } from '../runtime/define-agent.js';
import { DealForecasterInputSchema, DealForecastsSchema, ForecastAnswerSchema } from './deal-forecaster-schemas.js';
import { assembleForecasts, forecastBoundsProblems, forecastCoverageProblems } from './forecast-rules.js';
import { simulateDealForecast } from './simulate-deal-forecast.js';

/**
 * The deal review's second agent: recalculates the win probability and a realistic close date
 * for each flagged deal. Estimation from structured facts, so the balanced tier; code derives the
 * forecast category and the weighted amounts, and holds the model to the objective bounds.
 */
export const dealForecaster = defineAgent({
  name: 'deal-forecaster',
  description:
    'Recalculates the win probability and a realistic close date for each deal the inspection flagged, with a one-sentence rationale; code adds the forecast category (commit, best case, pipeline, omitted) and the weighted amounts before and after.',
  input: DealForecasterInputSchema,
  answer: ForecastAnswerSchema,
  output: DealForecastsSchema,
  finalize: assembleForecasts,
  tier: 'balanced',
  prompt: 'deal-forecaster.md',
  timeoutMs: 90_000,
  maxOutputTokens: 4096,
  reads: ['review', 'deals', 'flaggedDeals'],
  checks: [
    { name: 'one-forecast-per-flagged-deal', description: 'Exactly one forecast for every flagged deal and none for others.', run: forecastCoverageProblems },
    {
      name: 'forecast-within-bounds',
      description: 'The expected close date is not before the review day, and the win probability is not above the CRM stage probability.',
      run: forecastBoundsProblems,
    },
  ],
  simulate: simulateDealForecast,
});
