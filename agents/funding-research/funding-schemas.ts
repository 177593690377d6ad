import { z } from 'zod';
import { AccountRefSchema, SourceSchema } from '../contracts/provenance.js';

export const FundingResearchInputSchema = z.object({ account: AccountRefSchema });
export type FundingResearchInput = z.infer<typeof FundingResearchInputSchema>;

export const FUNDING_STAGES = [
  'pre_seed', 'seed', 'series_a', 'series_b', 'series_c', 'series_d', 'series_e_plus', 'growth', 'debt', 'grant', 'ipo', 'undisclosed',
] as const;
export const FundingStageSchema = z.enum(FUNDING_STAGES);
export type FundingStage = z.infer<typeof FundingStageSchema>;

export const FundingRoundSchema = z.object({
  /** ISO date of the announcement; the first of the month when only the month is known. */
  date: z.iso.date('give the round date as YYYY-MM-DD'),
  stage: FundingStageSchema,
  /** Omitted when the amount was not disclosed. */
  amountUsd: z.number().int().positive().optional(),
  investors: z.array(z.string().trim().min(1).max(200)).max(30),
  sources: z.array(SourceSchema).min(1, 'cite at least one source for the round'),
});
export type FundingRound = z.infer<typeof FundingRoundSchema>;

/** The company profile a funding database keeps; its employee count may disagree with other branches. */
export const CompanyProfileSchema = z.object({
  industry: z.string().trim().min(1).max(200).optional(),
  headquarters: z.string().trim().min(1).max(200).optional(),
  foundedYear: z.number().int().min(1800).max(2100).optional(),
  employeeCount: z.number().int().positive().optional(),
  source: SourceSchema,
});
export type CompanyProfile = z.infer<typeof CompanyProfileSchema>;

/** What the model answers; code derives the latest round and the total from `rounds`. */
export const FundingAnswerSchema = z.object({
  /** True when no funding round was found at all: bootstrapped, private or unknown. */
  noDataFound: z.boolean(),
  rounds: z.array(FundingRoundSchema).max(30),
  /** One or two sentences, e.g. "Likely 24+ months after the $40M Series B of 2026-03". */
  runwayEstimate: z.string().trim().min(1).max(400),
  company: CompanyProfileSchema.optional(),
  sources: z.array(SourceSchema),
  confidence: z.number().min(0).max(1),
});
export type FundingAnswer = z.infer<typeof FundingAnswerSchema>;

/** The branch's output: the answer with its rounds oldest first, the latest round and the total. */
export const FundingResearchSchema = FundingAnswerSchema.extend({
  latestRound: FundingRoundSchema.optional(),
  /** Sum of the disclosed amounts; undefined when no amount was disclosed. */
  totalRaisedUsd: z.number().int().positive().optional(),
});
export type FundingResearch = z.infer<typeof FundingResearchSchema>;
