import type { Source } from '../contracts/provenance.js';
import { createSeededRandom, isUnknownCompany, simulatedSource, type SeededRandom } from '../funding-research/research-simulation.js';
import { FIRMOGRAPHIC_FIELDS, INDUSTRIES, type Enrichment, type Firmographics, type Industry, type Technology } from './enrichment-schemas.js';
import { findCountry, STATES_BY_COUNTRY } from './geography.js';
import { leadDomain, type LeadEnricherInput, type NewLead } from './lead-schemas.js';

/** What the lead itself said: trusted, but typed by a person. */
const LEAD_RECORD: Source = { source: 'lead-record', confidence: 0.9 };

const STACK: readonly Omit<Technology, 'source'>[] = [
  { category: 'crm', product: 'Salesforce' }, { category: 'crm', product: 'HubSpot CRM' }, { category: 'crm', product: 'Pipedrive' },
  { category: 'marketing_automation', product: 'Marketo' }, { category: 'marketing_automation', product: 'Pardot' },
  { category: 'sales_engagement', product: 'Outreach' }, { category: 'sales_engagement', product: 'Salesloft' }, { category: 'sales_engagement', product: 'Apollo' },
  { category: 'conversation_intelligence', product: 'Gong' }, { category: 'communication', product: 'Slack' }, { category: 'communication', product: 'Microsoft Teams' },
  { category: 'data_warehouse', product: 'Snowflake' }, { category: 'support', product: 'Zendesk' }, { category: 'analytics', product: 'Looker' },
];

/**
 * Offline mode's enricher: the lead's own fields, normalised (country names to codes, industry
 * to the picklist), plus plausible simulated facts for the rest, the same for the same domain
 * every time. A company no source knows (a domain with "unknown") or a lead without a company
 * domain gets only what the lead said, with everything else listed as unknown.
 */
export function simulateLeadEnrichment(input: LeadEnricherInput): Enrichment {
  const { lead } = input;
  const domain = leadDomain(lead);
  const known = domain !== undefined && !isUnknownCompany(domain);
  const random = createSeededRandom(`lead-enricher:${domain ?? lead.company}`);
  const firmographics = known ? simulatedFirmographics(lead, random) : leadFirmographics(lead);
  const technographics = known ? random.sample(STACK, random.integer(2, 4)).filter(uniqueCategory()).map((technology) => ({ ...technology, source: simulatedSource(0.6, random.integer(10, 120)) })) : [];
  return {
    ...(domain === undefined ? {} : { domain }),
    firmographics,
    technographics,
    unknown: FIRMOGRAPHIC_FIELDS.filter((field) => firmographics[field] === undefined),
    confidence: known ? 0.7 : 0.4,
  };
}

/** Only what the lead record says, normalised. */
function leadFirmographics(lead: NewLead): Firmographics {
  const country = lead.country === undefined ? undefined : findCountry(lead.country);
  const state = country === undefined || lead.state === undefined ? undefined : stateCode(country.code, lead.state);
  const industry = lead.industry === undefined ? undefined : industryOf(lead.industry);
  return {
    ...(industry === undefined ? {} : { industry: { value: industry, source: LEAD_RECORD } }),
    ...(lead.numberOfEmployees === undefined ? {} : { employeeCount: { value: lead.numberOfEmployees, source: LEAD_RECORD } }),
    ...(country === undefined ? {} : { country: { value: country.code, source: LEAD_RECORD } }),
    ...(state === undefined ? {} : { state: { value: state, source: LEAD_RECORD } }),
  };
}

/** The lead's fields first; simulated "database" facts fill the gaps at lower confidence. */
function simulatedFirmographics(lead: NewLead, random: SeededRandom): Firmographics {
  const own = leadFirmographics(lead);
  const employees = own.employeeCount ?? { value: random.integer(15, 4_000), source: simulatedSource(0.55, random.integer(30, 200)) };
  const country = own.country ?? (lead.country === undefined ? { value: random.pick(['US', 'US', 'US', 'CA', 'GB', 'DE']), source: simulatedSource(0.6, 60) } : undefined);
  const states = country === undefined ? undefined : STATES_BY_COUNTRY[country.value];
  const state = own.state ?? (states === undefined ? undefined : { value: random.pick(Object.keys(states).sort()), source: simulatedSource(0.6, 60) });
  return {
    industry: own.industry ?? { value: random.pick(INDUSTRIES.filter((industry) => industry !== 'Other')), source: simulatedSource(0.6, 90) },
    employeeCount: employees,
    annualRevenueUsd: { value: Math.round((employees.value * random.integer(80, 250)) / 100) * 100_000, source: simulatedSource(0.5, 180) },
    ...(country === undefined ? {} : { country }),
    ...(state === undefined ? {} : { state }),
    foundedYear: { value: random.integer(1975, 2020), source: simulatedSource(0.7, 365) },
  };
}

function industryOf(text: string): Industry | undefined {
  const wanted = text.trim().toLowerCase();
  return INDUSTRIES.find((industry) => industry.toLowerCase() === wanted) ?? (wanted === 'non-profit' || wanted === 'not for profit' ? 'Nonprofit' : undefined);
}

function stateCode(countryCode: string, state: string): string | undefined {
  const code = state.trim().toUpperCase();
  return STATES_BY_COUNTRY[countryCode]?.[code] === undefined ? undefined : code;
}

/** A company runs one CRM: keep the first product of each category. */
function uniqueCategory(): (technology: Omit<Technology, 'source'>) => boolean {
  const seen = new Set<string>();
  return (technology) => {
    if (seen.has(technology.category)) return false;
    seen.add(technology.category);
    return true;
  };
}
