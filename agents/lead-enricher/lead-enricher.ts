import { defineAgent } from '../runtime/define-agent.js';
import { domainProblems, geographyProblems, revenueProblems, technographicProblems, unknownFieldProblems } from './enrichment-checks.js';
import { EnrichedLeadSchema, EnrichmentSchema } from './enrichment-schemas.js';
import { LeadEnricherInputSchema } from './lead-schemas.js';
import { simulateLeadEnrichment } from './simulate-lead-enrichment.js';

/**
 * The first step of a new lead: firmographic and technographic facts about the lead's company,
 * each with its source, validated by code (the domain, codes, scale, unknowns said out loud).
 * Extraction, so the balanced tier. The lead passes through unchanged beside the facts.
 */
export const leadEnricher = defineAgent({
  name: 'lead-enricher',
  description:
    "Enriches a new lead's company: industry, employee count, annual revenue, country, state, city and founding year (firmographics) and the tools it runs (technographics), each with its source and confidence; fields no source gives are listed as unknown, never guessed.",
  input: LeadEnricherInputSchema,
  answer: EnrichmentSchema,
  output: EnrichedLeadSchema,
  finalize: (enrichment, input) => ({ lead: input.lead, enrichment, confidence: enrichment.confidence }),
  tier: 'balanced',
  prompt: 'lead-enricher.md',
  timeoutMs: 45_000,
  maxOutputTokens: 2048,
  reads: ['lead'],
  checks: [
    { name: 'same-company', description: "The enriched domain is the lead's own company domain.", run: domainProblems },
    { name: 'known-geography', description: 'The country is a known ISO 3166 code and the state belongs to it.', run: geographyProblems },
    { name: 'plausible-revenue', description: 'Revenue per employee is between $10,000 and $3,000,000 a year.', run: revenueProblems },
    { name: 'unknowns-said', description: 'Every firmographic field is either found, with a source, or listed as unknown.', run: unknownFieldProblems },
    { name: 'one-entry-per-product', description: 'No product is listed twice among the technographics.', run: technographicProblems },
  ],
  simulate: simulateLeadEnrichment,
});
