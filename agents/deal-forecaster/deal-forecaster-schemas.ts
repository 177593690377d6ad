import { z } from 'zod';
import { DealReviewSchema, OpenDealSchema } from '../../src/contracts/open-pipeline.js';
import { SourceSchema } from '../contracts/provenance.js';
import { FlaggedDealSchema } from '../deal-inspector/deal-inspector-schemas.js';

export const FORECAST_CATEGORIES = ['commit', 'best_case', 'pipeline', 'omitted'] as const;

export const DealForecasterInputSchema = z.object({
  review: DealReviewSchema,
  deals: z.array(OpenDealSchema).max(2_000),
  flaggedDeals: z.array(FlaggedDealSchema).max(2_000),
});
export type DealForecasterInput = z.infer<typeof DealForecasterInputSchema>;

/** What the model answers per flagged deal: the judgement; code derives the category and the weighted amounts. */
export const ForecastAnswerItemSchema = z.object({
  opportunityId: z.string().min(1),
  /** The recalculated chance the deal closes won, 0 to 1. */
  winProbability: z.number().min(0).max(1),
  /** When it will realistically close; never before the review's day. */
  expectedCloseDate: z.iso.date('give the expected close date as YYYY-MM-DD'),
  rationale: z.string().trim().min(20, 'say in a sentence why the probability moved').max(500),
  confidence: z.number().min(0).max(1),
});

export const ForecastAnswerSchema = z.object({ forecasts: z.array(ForecastAnswerItemSchema).max(2_000), confidence: z.number().min(0).max(1) });
export type ForecastAnswer = z.infer<typeof ForecastAnswerSchema>;

export const DealForecastSchema = ForecastAnswerItemSchema.extend({
  /** The CRM's stage probability as 0 to 1; null when the CRM has none. */
  previousProbability: z.number().min(0).max(1).nullable(),
  forecastCategory: z.enum(FORECAST_CATEGORIES),
  /** Amount × the CRM's probability, and × the new one: what the forecast call compares. */
  previousWeightedAmount: z.number().nullable(),
  weightedAmount: z.number().nullable(),
  source: SourceSchema,
});
export type DealForecast = z.infer<typeof DealForecastSchema>;

export const DealForecastsSchema = DealForecasterInputSchema.extend({
  forecasts: z.array(DealForecastSchema).max(2_000),
  confidence: z.number().min(0).max(1),
});
export type DealForecasts = z.infer<typeof DealForecastsSchema>;
