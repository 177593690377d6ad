import type { Rep, RepRoster } from '../../src/contracts/rep-roster.js';
import type { Enrichment } from '../lead-enricher/enrichment-schemas.js';
import { coastOf, countryByCode } from '../lead-enricher/geography.js';

/** How closely the chosen rep covers the lead, best first. */
export const MATCH_TIERS = ['territory_and_segment', 'territory', 'segment', 'load_only'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

/**
 * The most a routing can be trusted at each tier: governance gates a CRM change below 0.8, so
 * a lead no rep covers by territory or segment waits for a person before its owner changes.
 */
export const TIER_CONFIDENCE: Readonly<Record<MatchTier, number>> = { territory_and_segment: 0.95, territory: 0.85, segment: 0.8, load_only: 0.6 };

/** Segments by employee count, as the sales team is organised. */
export const SEGMENT_BANDS: readonly { readonly segment: string; readonly minEmployees: number }[] = [
  { segment: 'Enterprise', minEmployees: 1_000 },
  { segment: 'Mid-Market', minEmployees: 200 },
  { segment: 'SMB', minEmployees: 1 },
];

const REGION_TERRITORIES: Readonly<Record<string, readonly string[]>> = { emea: ['EMEA'], apac: ['APAC'], latam: ['LATAM'] };

export interface RoutingDecision {
  readonly rep: Rep;
  readonly tier: MatchTier;
  /** Other reps of the same tier with the same load: the tie was broken by user id. */
  readonly tiedWith: readonly Rep[];
  readonly leadSegment: string | undefined;
  readonly leadTerritories: readonly string[];
}

export function leadSegment(enrichment: Enrichment): string | undefined {
  const employees = enrichment.firmographics.employeeCount?.value;
  return employees === undefined ? undefined : SEGMENT_BANDS.find((band) => employees >= band.minEmployees)?.segment;
}

/** The territories that may cover the lead: both North American ones when the state is unknown, none when the country is. */
export function leadTerritories(enrichment: Enrichment): string[] {
  const code = enrichment.firmographics.country?.value;
  const country = code === undefined ? undefined : countryByCode(code);
  if (country === undefined) return [];
  if (country.region !== 'north_america') return [...(REGION_TERRITORIES[country.region] ?? [])];
  const state = enrichment.firmographics.state?.value;
  const coast = state === undefined ? undefined : coastOf(country.code, state);
  if (coast === undefined) return ['North America East', 'North America West'];
  return [coast === 'east' ? 'North America East' : 'North America West'];
}

/**
 * The routing rule, objective so code applies it: reps covering the lead's territory and
 * segment, else its territory, else its segment, else everyone; among those the lowest load;
 * on equal load the lowest user id, so the same roster always gives the same rep.
 */
export function chooseRep(roster: RepRoster, enrichment: Enrichment): RoutingDecision | undefined {
  const segment = leadSegment(enrichment);
  const territories = leadTerritories(enrichment);
  const inTerritory = (rep: Rep) => territories.includes(rep.territory);
  const inSegment = (rep: Rep) => segment !== undefined && rep.segment === segment;
  const tests: Record<MatchTier, (rep: Rep) => boolean> = {
    territory_and_segment: (rep) => inTerritory(rep) && inSegment(rep),
    territory: inTerritory,
    segment: inSegment,
    load_only: () => true,
  };
  for (const tier of MATCH_TIERS) {
    const [rep, ...rest] = roster.reps.filter(tests[tier]).sort((left, right) => left.load - right.load || left.userId.localeCompare(right.userId));
    if (rep !== undefined) return { rep, tier, tiedWith: rest.filter((other) => other.load === rep.load), leadSegment: segment, leadTerritories: territories };
  }
  return undefined;
}

/** "territory North America East and segment Mid-Market", for reasons and repair messages. */
export function describeDecision(decision: RoutingDecision): string {
  const { rep, tier } = decision;
  const basis = {
    territory_and_segment: `covers the lead's territory ${rep.territory} and segment ${rep.segment}`,
    territory: `covers the lead's territory ${rep.territory} (no rep there covers its segment${decision.leadSegment === undefined ? ', which is unknown' : ` ${decision.leadSegment}`})`,
    segment: `covers the lead's segment ${rep.segment} (no rep covers its territory${decision.leadTerritories.length === 0 ? ', which is unknown' : ` ${decision.leadTerritories.join(' or ')}`})`,
    load_only: 'has the lowest load, since no rep covers the lead\'s territory or segment',
  }[tier];
  const tie = decision.tiedWith.length === 0 ? '' : `; tied on load with ${decision.tiedWith.map((other) => other.name).join(', ')}, broken by user id`;
  return `${rep.name} ${basis}, with the lowest load among them (${rep.load} open: ${count(rep.openLeads, 'lead')}, ${count(rep.openOpportunities, 'opportunity', 'opportunities')})${tie}`;
}

function count(value: number, one: string, many = `${one}s`): string {
  return `${value} ${value === 1 ? one : many}`;
}
