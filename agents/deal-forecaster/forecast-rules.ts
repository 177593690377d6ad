import type { OpenDeal } from '../../src/contracts/open-pipeline.js';
import type { DealForecast, DealForecasterInput, DealForecasts, ForecastAnswer } from './deal-forecaster-schemas.js';

/** The usual forecast-call bands: 70%+ commit, 40%+ best case, 10%+ pipeline, the rest omitted. */
export function forecastCategoryOf(winProbability: number): DealForecast['forecastCategory'] {
  if (winProbability >= 0.7) return 'commit';
  if (winProbability >= 0.4) return 'best_case';
  return winProbability >= 0.1 ? 'pipeline' : 'omitted';
}

export function stageProbabilityOf(deal: Pick<OpenDeal, 'probability'>): number | null {
  return deal.probability === null ? null : deal.probability / 100;
}

function weighted(amount: number | null, probability: number | null): number | null {
  return amount === null || probability === null ? null : Math.round(amount * probability);
}

/** Code derives what is arithmetic (category, weighted amounts) and stamps provenance on each forecast. */
export function assembleForecasts(answer: ForecastAnswer, input: DealForecasterInput): DealForecasts {
  const deals = new Map(input.deals.map((deal) => [deal.id, deal]));
  const forecasts = answer.forecasts.map((forecast): DealForecast => {
    const deal = deals.get(forecast.opportunityId);
    const previousProbability = deal === undefined ? null : stageProbabilityOf(deal);
    const amount = deal?.amount ?? null;
    return {
      ...forecast,
      previousProbability,
      forecastCategory: forecastCategoryOf(forecast.winProbability),
      previousWeightedAmount: weighted(amount, previousProbability),
      weightedAmount: weighted(amount, forecast.winProbability),
      source: { source: 'deal-forecaster', observedAt: input.review.asOf, confidence: forecast.confidence },
    };
  });
  return { ...input, forecasts, confidence: answer.confidence };
}

/** One forecast per flagged deal, and none for a deal that was not flagged. */
export function forecastCoverageProblems(answer: ForecastAnswer, input: DealForecasterInput): string[] {
  const flagged = new Map(input.flaggedDeals.map((deal) => [deal.opportunityId, deal]));
  const seen = new Set<string>();
  const problems: string[] = [];
  answer.forecasts.forEach((forecast, index) => {
    if (!flagged.has(forecast.opportunityId)) problems.push(`forecasts[${index}].opportunityId "${forecast.opportunityId}" is not a flagged deal: forecast only the deals in flaggedDeals`);
    else if (seen.has(forecast.opportunityId)) problems.push(`forecasts[${index}] forecasts ${forecast.opportunityId} a second time: give each flagged deal one forecast`);
    seen.add(forecast.opportunityId);
  });
  for (const deal of flagged.values()) {
    if (!seen.has(deal.opportunityId)) problems.push(`forecasts has no entry for the flagged deal "${deal.name}" (${deal.opportunityId}): add one`);
  }
  return problems;
}

/** A forecast is about the future, and a flagged deal's risks never raise it above its stage probability. */
export function forecastBoundsProblems(answer: ForecastAnswer, input: DealForecasterInput): string[] {
  const deals = new Map(input.deals.map((deal) => [deal.id, deal]));
  return answer.forecasts.flatMap((forecast, index) => {
    const problems: string[] = [];
    if (forecast.expectedCloseDate < input.review.asOf) {
      problems.push(`forecasts[${index}].expectedCloseDate ${forecast.expectedCloseDate} is before the review day ${input.review.asOf}: give the date it can realistically close`);
    }
    const deal = deals.get(forecast.opportunityId);
    const ceiling = deal === undefined ? null : stageProbabilityOf(deal);
    if (ceiling !== null && forecast.winProbability > ceiling) {
      problems.push(`forecasts[${index}].winProbability ${forecast.winProbability} is above the CRM's ${deal?.stage ?? ''} probability ${ceiling}: a flagged deal's risks lower it, never raise it`);
    }
    return problems;
  });
}
