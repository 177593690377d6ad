import { z } from 'zod';
import { EnrichmentSchema } from '../lead-enricher/enrichment-schemas.js';
import { NewLeadSchema } from '../lead-enricher/lead-schemas.js';

/** Seed 000's "score ICP fit on 4 firmographic dimensions": each worth at most 25 points. */
export const ICP_DIMENSIONS = ['industry', 'company_size', 'annual_revenue', 'geography'] as const;
export type IcpDimension = (typeof ICP_DIMENSIONS)[number];

export const LeadScorerInputSchema = z.object({ lead: NewLeadSchema, enrichment: EnrichmentSchema });
export type LeadScorerInput = z.infer<typeof LeadScorerInputSchema>;

export const DimensionScoreSchema = z.object({
  dimension: z.enum(ICP_DIMENSIONS),
  points: z.number().int().min(0).max(25),
  /** The value scored, as the enrichment gave it ("320 employees", "Technology"), or "unknown". */
  evidence: z.string().trim().min(1).max(120),
  /** Why that value earns those points, in one sentence. */
  reason: z.string().trim().min(1).max(300),
});
export type DimensionScore = z.infer<typeof DimensionScoreSchema>;

export const IntentSchema = z.object({
  score: z.number().int().min(0).max(100),
  /** What the lead did or is that suggests buying now: "requested a demo on the web form", "VP-level title". */
  signals: z.array(z.string().trim().min(1).max(200)).max(10),
  reason: z.string().trim().min(1).max(300),
});
export type Intent = z.infer<typeof IntentSchema>;

/** What the model answers: the four dimensions explained, and intent. */
export const LeadScoreAnswerSchema = z.object({
  dimensions: z.array(DimensionScoreSchema).min(1).max(8),
  intent: IntentSchema,
  confidence: z.number().min(0).max(1),
});
export type LeadScoreAnswer = z.infer<typeof LeadScoreAnswerSchema>;

export const FIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export const INTENT_LEVELS = ['high', 'medium', 'low'] as const;
export const PRIORITIES = ['hot', 'warm', 'cold'] as const;

/** The score as the brief reads it: code adds the total, the grade, the intent level and the priority. */
export const LeadScoreSchema = LeadScoreAnswerSchema.extend({
  fitScore: z.number().int().min(0).max(100),
  fitGrade: z.enum(FIT_GRADES),
  intentLevel: z.enum(INTENT_LEVELS),
  priority: z.enum(PRIORITIES),
});
export type LeadScore = z.infer<typeof LeadScoreSchema>;
