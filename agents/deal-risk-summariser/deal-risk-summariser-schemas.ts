import { z } from 'zod';
import { AlertSchema } from '../../src/contracts/alert-request.js';
import { DealForecastsSchema } from '../deal-forecaster/deal-forecaster-schemas.js';

/** The roll-up audience that is not a manager: the review's roll-up channel. */
export const CHANNEL_AUDIENCE = 'channel';

export const DealRiskSummariserInputSchema = DealForecastsSchema.omit({ confidence: true });
export type DealRiskSummariserInput = z.infer<typeof DealRiskSummariserInputSchema>;

const TitleSchema = z.string().trim().min(1).max(150);
const BodySchema = z.string().trim().min(1).max(3_000);

/** What the model writes: the words of each alert. Code decides who gets one, its severity and records. */
export const RiskSummariesAnswerSchema = z.object({
  repSummaries: z.array(z.object({ repId: z.string().min(1), title: TitleSchema, body: BodySchema })).max(49),
  managerRollups: z.array(z.object({ audience: z.string().min(1), title: TitleSchema, body: BodySchema })).max(49),
  confidence: z.number().min(0).max(1),
});
export type RiskSummariesAnswer = z.infer<typeof RiskSummariesAnswerSchema>;

/** Every alert of the review, ready for `alerts.request`: never empty, since a roll-up always goes out. */
export const DealRiskAlertsSchema = z.object({
  alerts: z.array(AlertSchema).min(1).max(50),
  confidence: z.number().min(0).max(1),
});
export type DealRiskAlerts = z.infer<typeof DealRiskAlertsSchema>;
