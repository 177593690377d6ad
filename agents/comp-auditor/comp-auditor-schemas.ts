import { z } from 'zod';
import { SourceSchema } from '../contracts/provenance.js';
import { DealForecastsSchema } from '../deal-forecaster/deal-forecaster-schemas.js';

/** Findings code reads from the CRM and the forecast: the ones a comp plan's rules turn on. */
export const COMP_RULE_FINDINGS = ['deal_type_mismatch', 'close_quarter_changed', 'weighted_amount_overstated', 'amount_missing'] as const;

export const CompFindingSchema = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('rule'), kind: z.enum(COMP_RULE_FINDINGS), detail: z.string().min(1).max(400) }),
  z.object({ basis: z.literal('judgement'), kind: z.literal('other'), detail: z.string().min(1).max(400) }),
]);
export type CompFinding = z.infer<typeof CompFindingSchema>;
export type CompRuleFinding = Extract<CompFinding, { basis: 'rule' }>;

export const PayoutRiskSchema = z.enum(['none', 'low', 'high']);

export const CompAuditorInputSchema = DealForecastsSchema.omit({ confidence: true });
export type CompAuditorInput = z.infer<typeof CompAuditorInputSchema>;

export const CompAuditAnswerSchema = z.object({
  audits: z
    .array(
      z.object({
        opportunityId: z.string().min(1),
        /** high: a payout would be wrong if nothing changes; low: worth a look; none: clean. */
        payoutRisk: PayoutRiskSchema,
        /** One or two sentences for the deal desk: what would be paid wrongly and what to fix. */
        note: z.string().trim().min(10).max(500),
        judgedFindings: z.array(z.object({ kind: z.literal('other'), detail: z.string().trim().min(1).max(400) })).max(5),
      }),
    )
    .max(2_000),
  confidence: z.number().min(0).max(1),
});
export type CompAuditAnswer = z.infer<typeof CompAuditAnswerSchema>;

export const DealCompAuditSchema = z.object({
  opportunityId: z.string().min(1),
  name: z.string().min(1),
  ownerId: z.string().min(1),
  findings: z.array(CompFindingSchema).max(12),
  payoutRisk: PayoutRiskSchema,
  note: z.string().min(1).max(500),
  source: SourceSchema,
  confidence: z.number().min(0).max(1),
});
export type DealCompAudit = z.infer<typeof DealCompAuditSchema>;

export const CompAuditReportSchema = z.object({
  audits: z.array(DealCompAuditSchema).max(2_000),
  /** Deals audited (every flagged deal) and those with at least one finding. */
  checkedDeals: z.number().int().min(0),
  dealsWithFindings: z.number().int().min(0),
});
export type CompAuditReport = z.infer<typeof CompAuditReportSchema>;

export const CompAuditSchema = CompAuditorInputSchema.extend({ compAudit: CompAuditReportSchema, confidence: z.number().min(0).max(1) });
export type CompAudit = z.infer<typeof CompAuditSchema>;
