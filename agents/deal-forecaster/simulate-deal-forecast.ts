import type { DealIssue } from '../deal-inspector/deal-inspector-schemas.js';
import { addDays, formatPercent } from '../deal-inspector/deal-dates.js';
import type { DealForecasterInput, ForecastAnswer } from './deal-forecaster-schemas.js';
import { stageProbabilityOf } from './forecast-rules.js';

/** How much each issue takes off the stage probability in the simulation (a multiplier). */
const PENALTY: Readonly<Record<DealIssue['kind'], number>> = {
  close_date_passed: 0.6,
  no_close_date: 0.7,
  stalled: 0.5,
  no_contacts: 0.6,
  missing_economic_buyer: 0.8,
  missing_champion: 0.8,
  next_step_risk: 0.85,
  other: 0.9,
};

/** A slipped or stalled deal needs a month more than it had; others keep their date. */
const SLIP_DAYS = 30;

/**
 * Offline stand-in for the forecaster: the stage probability cut by each issue's penalty, and
 * a new close date a month out for a deal that slipped or stalled.
 */
export function simulateDealForecast(input: DealForecasterInput): ForecastAnswer {
  const deals = new Map(input.deals.map((deal) => [deal.id, deal]));
  const forecasts = input.flaggedDeals.map((flagged) => {
    const deal = deals.get(flagged.opportunityId);
    const start = (deal === undefined ? null : stageProbabilityOf(deal)) ?? 0.1;
    const winProbability = Math.round(flagged.issues.reduce((probability, issue) => probability * PENALTY[issue.kind], start) * 100) / 100;
    const kinds = new Set(flagged.issues.map((issue) => issue.kind));
    const closeDate = deal?.closeDate ?? null;
    const slipped = kinds.has('close_date_passed') || kinds.has('stalled') || closeDate === null;
    const expectedCloseDate = slipped ? addDays(maxDate(closeDate, input.review.asOf), SLIP_DAYS) : maxDate(closeDate, input.review.asOf);
    return {
      opportunityId: flagged.opportunityId,
      winProbability,
      expectedCloseDate,
      rationale: `[simulated] ${formatPercent(start)} at stage, lowered to ${formatPercent(winProbability)} for ${[...kinds].join(', ').replaceAll('_', ' ')}.`,
      confidence: 0.6,
    };
  });
  return { forecasts, confidence: 0.6 };
}

function maxDate(date: string | null, floor: string): string {
  return date === null || date < floor ? floor : date;
}
