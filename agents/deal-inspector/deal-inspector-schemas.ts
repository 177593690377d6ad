import { z } from 'zod';
import { DealReviewSchema, OpenDealSchema } from '../../src/contracts/open-pipeline.js';
import { SourceSchema } from '../contracts/provenance.js';

/** Issues code finds from the CRM's own fields: objective, so never the model's call. */
export const RULE_ISSUES = ['close_date_passed', 'no_close_date', 'stalled', 'no_contacts', 'missing_economic_buyer', 'missing_champion'] as const;
/** Issues that need reading the deal's words (its next step), so the model's judgement. */
export const JUDGED_ISSUES = ['next_step_risk', 'other'] as const;

export const DealIssueSchema = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('rule'), kind: z.enum(RULE_ISSUES), detail: z.string().min(1).max(300) }),
  z.object({ basis: z.literal('judgement'), kind: z.enum(JUDGED_ISSUES), detail: z.string().min(1).max(300) }),
]);
export type DealIssue = z.infer<typeof DealIssueSchema>;
export type RuleIssue = Extract<DealIssue, { basis: 'rule' }>;

export const RiskLevelSchema = z.enum(['low', 'medium', 'high']);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

/** A deal the inspection flagged: every issue with its basis, a risk level, the reason in words, and provenance. */
export const FlaggedDealSchema = z.object({
  opportunityId: z.string().min(1),
  name: z.string().min(1),
  ownerId: z.string().min(1),
  issues: z.array(DealIssueSchema).min(1).max(12),
  riskLevel: RiskLevelSchema,
  /** One or two sentences a rep can act on. */
  summary: z.string().min(1).max(600),
  /** The CRM read the rule issues come from. */
  source: SourceSchema,
  confidence: z.number().min(0).max(1),
});
export type FlaggedDeal = z.infer<typeof FlaggedDealSchema>;

export const DealInspectorInputSchema = z.object({ review: DealReviewSchema, deals: z.array(OpenDealSchema).max(2_000) });
export type DealInspectorInput = z.infer<typeof DealInspectorInputSchema>;

/** What the model answers: an assessment per deal at risk; code supplies the rule issues and the risk level. */
export const DealAssessmentSchema = z.object({
  opportunityId: z.string().min(1),
  summary: z.string().trim().min(20, 'write one or two sentences a rep can act on').max(600),
  judgedIssues: z
    .array(z.object({ kind: z.enum(JUDGED_ISSUES), detail: z.string().trim().min(1).max(300) }))
    .max(5),
});
export type DealAssessment = z.infer<typeof DealAssessmentSchema>;

export const InspectionAnswerSchema = z.object({
  assessments: z.array(DealAssessmentSchema).max(2_000),
  confidence: z.number().min(0).max(1),
});
export type InspectionAnswer = z.infer<typeof InspectionAnswerSchema>;

/** The inspection: the pipeline as read (carried for the next agents) and the flagged deals. */
export const DealInspectionSchema = z.object({
  review: DealReviewSchema,
  deals: z.array(OpenDealSchema).max(2_000),
  flaggedDeals: z.array(FlaggedDealSchema).max(2_000),
  confidence: z.number().min(0).max(1),
});
export type DealInspection = z.infer<typeof DealInspectionSchema>;
