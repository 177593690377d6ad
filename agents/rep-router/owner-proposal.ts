import type { ChangeProposal } from '../../src/contracts/crm-write.js';
import type { Enrichment } from '../lead-enricher/enrichment-schemas.js';
import { countryByCode } from '../lead-enricher/geography.js';
import type { NewLead } from '../lead-enricher/lead-schemas.js';

/** Enriched facts below this confidence stay in the brief and out of the CRM. */
export const MIN_FACT_CONFIDENCE = 0.5;

/**
 * The lead's new owner, plus the enriched facts the routing rests on that the lead record lacks:
 * a value a person entered is never overwritten by a looked-up one.
 */
export function ownerProposal(lead: NewLead, enrichment: Enrichment, ownerId: string, confidence: number): ChangeProposal {
  const facts = enrichment.firmographics;
  const usable = <T>(fact: { value: T; source: { confidence: number } } | undefined) => (fact !== undefined && fact.source.confidence >= MIN_FACT_CONFIDENCE ? fact.value : undefined);
  const country = usable(facts.country);
  const candidates: Record<string, unknown> = {
    NumberOfEmployees: lead.numberOfEmployees === undefined ? usable(facts.employeeCount) : undefined,
    Industry: lead.industry === undefined ? usable(facts.industry) : undefined,
    Country: lead.country === undefined && country !== undefined ? countryByCode(country)?.name : undefined,
    State: lead.state === undefined ? usable(facts.state) : undefined,
    AnnualRevenue: usable(facts.annualRevenueUsd),
  };
  const changes = [{ field: 'OwnerId', newValue: ownerId }, ...Object.entries(candidates).filter(([, value]) => value !== undefined).map(([field, newValue]) => ({ field, newValue }))];
  return { record: { type: 'Lead', id: lead.id }, changes, confidence };
}
