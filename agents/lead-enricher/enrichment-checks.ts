import type { Enrichment } from './enrichment-schemas.js';
import { FIRMOGRAPHIC_FIELDS } from './enrichment-schemas.js';
import { countryByCode, STATES_BY_COUNTRY } from './geography.js';
import { leadDomain, type LeadEnricherInput } from './lead-schemas.js';

/** Revenue per employee outside this band (USD a year) is a unit slip or another company's figure. */
export const REVENUE_PER_EMPLOYEE = { min: 10_000, max: 3_000_000 } as const;

/** The facts must be about the lead's own company: the domain is the key. */
export function domainProblems(answer: Enrichment, input: LeadEnricherInput): string[] {
  const expected = leadDomain(input.lead);
  if (expected === undefined || answer.domain === undefined || answer.domain === expected) return [];
  return [`domain is ${answer.domain} but the lead's company is ${expected} (from its website or work email): enrich ${expected}, not a similarly named company`];
}

/** Country codes the routing table knows, and states that belong to their country. */
export function geographyProblems(answer: Enrichment): string[] {
  const country = answer.firmographics.country?.value;
  if (country === undefined) return [];
  if (countryByCode(country) === undefined) {
    return [`country ${country} is not a known ISO 3166 code: give a valid code, or leave country out and list it in unknown`];
  }
  const state = answer.firmographics.state?.value;
  const states = STATES_BY_COUNTRY[country];
  if (state === undefined || states === undefined || states[state.toUpperCase()] !== undefined) return [];
  return [`state ${state} is not a ${country} state or province code: give the two-letter code (such as CA or ON), or leave state out`];
}

/** Employees and revenue must describe the same company at the same scale. */
export function revenueProblems(answer: Enrichment): string[] {
  const employees = answer.firmographics.employeeCount?.value;
  const revenue = answer.firmographics.annualRevenueUsd?.value;
  if (employees === undefined || revenue === undefined) return [];
  const perEmployee = revenue / employees;
  if (perEmployee >= REVENUE_PER_EMPLOYEE.min && perEmployee <= REVENUE_PER_EMPLOYEE.max) return [];
  return [
    `annualRevenueUsd ${revenue} for ${employees} employees is $${Math.round(perEmployee).toLocaleString('en-US')} per employee, outside $10,000 to $3,000,000: check the units (whole US dollars) or leave revenue out`,
  ];
}

/** A field is either found (with its source) or listed as unknown, never both and never neither. */
export function unknownFieldProblems(answer: Enrichment): string[] {
  return FIRMOGRAPHIC_FIELDS.flatMap((field) => {
    const found = answer.firmographics[field] !== undefined;
    const listed = answer.unknown.includes(field);
    if (found && listed) return [`${field} has a value but is also listed in unknown: keep one`];
    if (!found && !listed) return [`${field} has no value and is not listed in unknown: give it with its source, or list it in unknown`];
    return [];
  });
}

/** One entry per product: a duplicate counts the same evidence twice. */
export function technographicProblems(answer: Enrichment): string[] {
  const seen = new Set<string>();
  return answer.technographics.flatMap((technology) => {
    const key = technology.product.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      return [];
    }
    return [`technographics lists ${technology.product} twice: keep one entry per product`];
  });
}
