import { z } from 'zod';
import { ChangeProposalSchema } from '../../src/contracts/crm-write.js';
import { RepRosterSchema } from '../../src/contracts/rep-roster.js';
import { SourceSchema } from '../contracts/provenance.js';
import { EnrichmentSchema } from '../lead-enricher/enrichment-schemas.js';
import { NewLeadSchema } from '../lead-enricher/lead-schemas.js';
import { MATCH_TIERS } from './routing-rule.js';

export const RepRouterInputSchema = z.object({ lead: NewLeadSchema, enrichment: EnrichmentSchema, roster: RepRosterSchema });
export type RepRouterInput = z.infer<typeof RepRouterInputSchema>;

/** What the model answers: the rep the rule picks (null when the roster is empty) and why, for the rep and the record. */
export const RoutingAnswerSchema = z.object({
  userId: z.string().min(1).max(64).nullable(),
  reason: z.string().trim().min(1).max(400),
  confidence: z.number().min(0).max(1),
});
export type RoutingAnswer = z.infer<typeof RoutingAnswerSchema>;

export const AssignmentSchema = z.object({
  userId: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  segment: z.string(),
  territory: z.string(),
  load: z.number().int().min(0),
  openLeads: z.number().int().min(0),
  openOpportunities: z.number().int().min(0),
  matchedOn: z.enum(MATCH_TIERS),
  /** The lead's segment and the territories that may cover it, as the rule read them; null and [] when unknown. */
  leadSegment: z.string().nullable(),
  leadTerritories: z.array(z.string()),
  tiedWith: z.array(z.object({ userId: z.string(), name: z.string() })),
  reason: z.string().min(1).max(400),
  /** The roster the decision rests on: which CRM, read when. */
  source: SourceSchema,
  confidence: z.number().min(0).max(1),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/**
 * The router's output: the assignment, and the CRM change that records it (the owner, plus the
 * enriched facts the lead record lacks). Both null when no rep could be chosen.
 */
export const RoutingSchema = z.object({
  assignment: AssignmentSchema.nullable(),
  proposal: ChangeProposalSchema.nullable(),
  /** Why nobody was assigned, when nobody was. */
  unassignedReason: z.string().optional(),
  confidence: z.number().min(0).max(1),
});
export type Routing = z.infer<typeof RoutingSchema>;
