import type { Enrichment } from '../lead-enricher/enrichment-schemas.js';
import { countryByCode } from '../lead-enricher/geography.js';
import type { IcpRules } from './icp-rules.js';
import { ICP_DIMENSIONS, type IcpDimension, type LeadScore, type LeadScoreAnswer } from './score-schemas.js';

export interface RubricScore {
  readonly points: number;
  /** The value scored, or "unknown". */
  readonly evidence: string;
  /** How the rubric reads it: "200 or more employees". */
  readonly rule: string;
}

/** What the ICP rubric gives each dimension for this enrichment: the objective part of the score. */
export function rubricScores(rules: IcpRules, enrichment: Enrichment): Record<IcpDimension, RubricScore> {
  const { industry, employeeCount, annualRevenueUsd, country } = enrichment.firmographics;
  const region = country === undefined ? undefined : countryByCode(country.value)?.region;
  return {
    industry: industry === undefined
      ? unknown(rules.industry.unknown)
      : { points: rules.industry.points[industry.value] ?? rules.industry.otherwise, evidence: industry.value, rule: industry.value in rules.industry.points ? `${industry.value} is in the ICP's industry list` : 'an industry outside the ICP list' },
    company_size: employeeCount === undefined ? unknown(rules.companySize.unknown) : band(rules.companySize.bands, employeeCount.value, `${employeeCount.value} employees`, (min) => `${min.toLocaleString('en-US')} or more employees`),
    annual_revenue: annualRevenueUsd === undefined ? unknown(rules.annualRevenue.unknown) : band(rules.annualRevenue.bands, annualRevenueUsd.value, formatUsd(annualRevenueUsd.value), (min) => `${formatUsd(min)} or more a year`),
    geography: region === undefined || country === undefined
      ? unknown(rules.geography.unknown)
      : { points: rules.geography.points[region], evidence: country.value, rule: `${country.value} is in ${region.replace('_', ' ')}` },
  };
}

/** Code, not the model, adds up: the total, the grade, the intent level and the priority. */
export function summarizeScore(rules: IcpRules, answer: LeadScoreAnswer): LeadScore {
  const fitScore = ICP_DIMENSIONS.reduce((sum, dimension) => sum + (answer.dimensions.find((entry) => entry.dimension === dimension)?.points ?? 0), 0);
  const fitGrade = fitScore >= rules.grades.A ? 'A' : fitScore >= rules.grades.B ? 'B' : fitScore >= rules.grades.C ? 'C' : 'D';
  const intentLevel = answer.intent.score >= rules.intent.high ? 'high' : answer.intent.score >= rules.intent.medium ? 'medium' : 'low';
  const hot = (fitGrade === 'A' && intentLevel !== 'low') || (fitGrade === 'B' && intentLevel === 'high');
  const cold = fitGrade === 'D' || (fitGrade === 'C' && intentLevel === 'low');
  return { ...answer, fitScore, fitGrade, intentLevel, priority: hot ? 'hot' : cold ? 'cold' : 'warm' };
}

function band(bands: IcpRules['companySize']['bands'], value: number, evidence: string, describe: (min: number) => string): RubricScore {
  const match = bands.find((entry) => value >= entry.min);
  return match === undefined ? { points: 0, evidence, rule: 'below every band' } : { points: match.points, evidence, rule: describe(match.min) };
}

function unknown(points: number): RubricScore {
  return { points, evidence: 'unknown', rule: 'the value is unknown' };
}

/** "$45M", "$2.5M", "$800K". */
export function formatUsd(amount: number): string {
  if (amount >= 1_000_000) return `$${Number((amount / 1_000_000).toFixed(1))}M`;
  return `$${Math.round(amount / 1_000)}K`;
}
