import { z } from 'zod';
import { AlertSchema } from '../../src/contracts/alert-request.js';
import { CrmWriteResultSchema } from '../../src/contracts/crm-write.js';
import { EnrichmentSchema } from '../lead-enricher/enrichment-schemas.js';
import { NewLeadSchema } from '../lead-enricher/lead-schemas.js';
import { LeadScoreSchema } from '../lead-scorer/score-schemas.js';
import { AssignmentSchema } from '../rep-router/router-schemas.js';

/** What the owner branch hands on: the router's assignment and the CRM change sets that recorded it. */
export const OwnerBranchSchema = z.object({
  assignment: AssignmentSchema.nullable(),
  unassignedReason: z.string().optional(),
  crmWrites: z.array(CrmWriteResultSchema),
});
export type OwnerBranch = z.infer<typeof OwnerBranchSchema>;

/** The merge of scoring and assignment: either branch may be missing, with the reason. */
export const ProspectBriefInputSchema = z.object({
  lead: NewLeadSchema,
  enrichment: EnrichmentSchema,
  branches: z.object({ score: LeadScoreSchema.optional(), owner: OwnerBranchSchema.optional() }),
  missing: z.array(z.object({ branch: z.string(), reason: z.string() })),
});
export type ProspectBriefInput = z.infer<typeof ProspectBriefInputSchema>;

/** What the model writes: the prose of the brief. Code renders it, with the facts, as the alert. */
export const ProspectBriefSchema = z.object({
  /** One line the rep reads first: who, and why it matters. */
  headline: z.string().trim().min(1).max(120),
  /** Two or three sentences: the company, the person, the fit and intent. */
  summary: z.string().trim().min(1).max(500),
  /** What to open with, each tied to a fact of the input. */
  talkingPoints: z.array(z.string().trim().min(1).max(220)).min(2, 'give at least 2 talking points').max(4, 'give at most 4 talking points'),
  nextStep: z.string().trim().min(1).max(220),
  confidence: z.number().min(0).max(1),
});
export type ProspectBrief = z.infer<typeof ProspectBriefSchema>;

/** The brief and the alert carrying it, ready for the `alerts.request` step. */
export const ProspectBriefOutputSchema = z.object({ brief: ProspectBriefSchema, alerts: z.array(AlertSchema).length(1), confidence: z.number().min(0).max(1) });
export type ProspectBriefOutput = z.infer<typeof ProspectBriefOutputSchema>;
