/**
 * Countries, states and provinces the enricher may name, with the sales region each belongs to.
 * Codes are ISO 3166 (alpha-2 for countries, the postal code for US states and Canadian
 * provinces), so scoring and routing compare codes rather than spellings.
 */
export const SALES_REGIONS = ['north_america', 'emea', 'apac', 'latam'] as const;
export type SalesRegion = (typeof SALES_REGIONS)[number];

export interface Country {
  readonly code: string;
  readonly name: string;
  readonly region: SalesRegion;
  /** Other names a CRM or a form may use for it. */
  readonly aliases?: readonly string[];
}

export const COUNTRIES: readonly Country[] = [
  { code: 'US', name: 'United States', region: 'north_america', aliases: ['usa', 'united states of america', 'u.s.', 'u.s.a.'] },
  { code: 'CA', name: 'Canada', region: 'north_america' },
  { code: 'GB', name: 'United Kingdom', region: 'emea', aliases: ['uk', 'great britain', 'england', 'scotland', 'wales'] },
  { code: 'IE', name: 'Ireland', region: 'emea' },
  { code: 'DE', name: 'Germany', region: 'emea' },
  { code: 'FR', name: 'France', region: 'emea' },
  { code: 'NL', name: 'Netherlands', region: 'emea', aliases: ['the netherlands', 'holland'] },
  { code: 'BE', name: 'Belgium', region: 'emea' },
  { code: 'LU', name: 'Luxembourg', region: 'emea' },
  { code: 'CH', name: 'Switzerland', region: 'emea' },
  { code: 'AT', name: 'Austria', region: 'emea' },
  { code: 'DK', name: 'Denmark', region: 'emea' },
  { code: 'SE', name: 'Sweden', region: 'emea' },
  { code: 'NO', name: 'Norway', region: 'emea' },
  { code: 'FI', name: 'Finland', region: 'emea' },
  { code: 'ES', name: 'Spain', region: 'emea' },
  { code: 'PT', name: 'Portugal', region: 'emea' },
  { code: 'IT', name: 'Italy', region: 'emea' },
  { code: 'PL', name: 'Poland', region: 'emea' },
  { code: 'CZ', name: 'Czechia', region: 'emea', aliases: ['czech republic'] },
  { code: 'IL', name: 'Israel', region: 'emea' },
  { code: 'AE', name: 'United Arab Emirates', region: 'emea', aliases: ['uae'] },
  { code: 'SA', name: 'Saudi Arabia', region: 'emea' },
  { code: 'ZA', name: 'South Africa', region: 'emea' },
  { code: 'NG', name: 'Nigeria', region: 'emea' },
  { code: 'KE', name: 'Kenya', region: 'emea' },
  { code: 'AU', name: 'Australia', region: 'apac' },
  { code: 'NZ', name: 'New Zealand', region: 'apac' },
  { code: 'JP', name: 'Japan', region: 'apac' },
  { code: 'SG', name: 'Singapore', region: 'apac' },
  { code: 'IN', name: 'India', region: 'apac' },
  { code: 'CN', name: 'China', region: 'apac' },
  { code: 'KR', name: 'South Korea', region: 'apac', aliases: ['korea', 'republic of korea'] },
  { code: 'BR', name: 'Brazil', region: 'latam' },
  { code: 'MX', name: 'Mexico', region: 'latam' },
  { code: 'AR', name: 'Argentina', region: 'latam' },
  { code: 'CL', name: 'Chile', region: 'latam' },
  { code: 'CO', name: 'Colombia', region: 'latam' },
];

/** Which coast's team covers a US state or Canadian province. */
export type Coast = 'east' | 'west';

const WEST = ['AK', 'AZ', 'CA', 'CO', 'HI', 'ID', 'MT', 'NV', 'NM', 'OR', 'UT', 'WA', 'WY', 'TX', 'OK', 'KS', 'NE', 'SD', 'ND'];
const EAST = ['AL', 'AR', 'CT', 'DE', 'DC', 'FL', 'GA', 'IL', 'IN', 'IA', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'NH', 'NJ', 'NY', 'NC', 'OH', 'PA', 'RI', 'SC', 'TN', 'VT', 'VA', 'WV', 'WI'];

export const STATES_BY_COUNTRY: Readonly<Record<string, Readonly<Record<string, Coast>>>> = {
  US: Object.fromEntries([...WEST.map((code) => [code, 'west'] as const), ...EAST.map((code) => [code, 'east'] as const)]),
  CA: { BC: 'west', AB: 'west', SK: 'west', MB: 'west', YT: 'west', NT: 'west', NU: 'west', ON: 'east', QC: 'east', NB: 'east', NS: 'east', PE: 'east', NL: 'east' },
};

const BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));
const BY_NAME = new Map(COUNTRIES.flatMap((country) => [country.name, ...(country.aliases ?? [])].map((name) => [name.toLowerCase(), country] as const)));

export function countryByCode(code: string): Country | undefined {
  return BY_CODE.get(code);
}

/** A country from how a person typed it ("United States", "usa", "DE"); undefined when unknown. */
export function findCountry(text: string): Country | undefined {
  const trimmed = text.trim();
  return BY_CODE.get(trimmed.toUpperCase()) ?? BY_NAME.get(trimmed.toLowerCase());
}

/** The coast covering `state` in `countryCode`; undefined for countries without coasts or unknown states. */
export function coastOf(countryCode: string, state: string): Coast | undefined {
  return STATES_BY_COUNTRY[countryCode]?.[state.toUpperCase()];
}
