import { z } from 'zod';
import { SourceSchema } from '../contracts/provenance.js';
import { NewLeadSchema } from './lead-schemas.js';

/** Industries as the CRM's picklist spells them, so scoring and the CRM agree on one spelling. */
export const INDUSTRIES = [
  'Technology', 'Financial Services', 'Healthcare', 'Biotechnology', 'Education', 'Manufacturing', 'Retail', 'Real Estate', 'Transportation',
  'Energy', 'Telecommunications', 'Hospitality', 'Construction', 'Food & Beverage', 'Nonprofit', 'Media', 'Government', 'Professional Services', 'Other',
] as const;
export const IndustrySchema = z.enum(INDUSTRIES);
export type Industry = z.infer<typeof IndustrySchema>;

export const TECHNOLOGY_CATEGORIES = ['crm', 'marketing_automation', 'sales_engagement', 'conversation_intelligence', 'data_warehouse', 'communication', 'support', 'analytics', 'other'] as const;

/** One enriched value and where it came from: `lead-record` when the lead itself said so. */
function fact<T extends z.ZodType>(value: T) {
  return z.object({ value, source: SourceSchema });
}

export const FIRMOGRAPHIC_FIELDS = ['industry', 'employeeCount', 'annualRevenueUsd', 'country', 'state', 'city', 'foundedYear'] as const;
export type FirmographicField = (typeof FIRMOGRAPHIC_FIELDS)[number];

export const FirmographicsSchema = z.object({
  industry: fact(IndustrySchema).optional(),
  employeeCount: fact(z.number().int().positive()).optional(),
  annualRevenueUsd: fact(z.number().int().positive()).optional(),
  /** ISO 3166 alpha-2, upper case: US, DE, GB. */
  country: fact(z.string().regex(/^[A-Z]{2}$/, 'give the country as its ISO 3166 alpha-2 code, such as US or DE')).optional(),
  /** The state or province code (CA, NY, ON) for the United States and Canada; the region's name elsewhere. */
  state: fact(z.string().trim().min(1).max(60)).optional(),
  city: fact(z.string().trim().min(1).max(100)).optional(),
  foundedYear: fact(z.number().int().min(1800).max(2100)).optional(),
});
export type Firmographics = z.infer<typeof FirmographicsSchema>;

export const TechnologySchema = z.object({
  category: z.enum(TECHNOLOGY_CATEGORIES),
  product: z.string().trim().min(1).max(100),
  source: SourceSchema,
});
export type Technology = z.infer<typeof TechnologySchema>;

/** What the enricher answers, and what the rest of the workflow reads as `enrichment`. */
export const EnrichmentSchema = z.object({
  /** The company's bare domain, the key the facts were looked up by. */
  domain: z.string().trim().toLowerCase().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected a bare domain such as acme.com').optional(),
  firmographics: FirmographicsSchema,
  technographics: z.array(TechnologySchema).max(30),
  /** Firmographic fields no source gave: said, not guessed. */
  unknown: z.array(z.enum(FIRMOGRAPHIC_FIELDS)).max(FIRMOGRAPHIC_FIELDS.length),
  confidence: z.number().min(0).max(1),
});
export type Enrichment = z.infer<typeof EnrichmentSchema>;

/** The enricher's output: the lead as it came, and what was found about its company. */
export const EnrichedLeadSchema = z.object({ lead: NewLeadSchema, enrichment: EnrichmentSchema, confidence: z.number().min(0).max(1) });
export type EnrichedLead = z.infer<typeof EnrichedLeadSchema>;
