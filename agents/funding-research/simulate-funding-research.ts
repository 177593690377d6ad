import type { CompanyProfile, FundingAnswer, FundingResearchInput, FundingRound, FundingStage } from './funding-schemas.js';
import { createSeededRandom, daysBefore, SIMULATED_AS_OF, isUnknownCompany, simulated, simulatedSource, type SeededRandom } from './research-simulation.js';
import { formatUsd, stageLabel } from './summarize-funding.js';

/** Fictional investors: a simulated round must never name a real firm that did not invest. */
const INVESTORS = ['Northwind Ventures', 'Harbor Lane Capital', 'Summit Peak Partners', 'Bluefield Capital', 'Granite Row Ventures', 'Lumen Street Partners', 'Redwood Arch Capital', 'Copperline Ventures'];
const INDUSTRIES = ['B2B software', 'Fintech', 'Healthcare technology', 'Logistics software', 'Developer tools', 'Cybersecurity', 'HR technology'];
const HEADQUARTERS = ['San Francisco, CA', 'New York, NY', 'Austin, TX', 'Boston, MA', 'London, UK', 'Toronto, ON', 'Berlin, Germany'];

/** Typical round sizes (USD) and headcounts by stage. */
const LADDER: readonly { stage: FundingStage; amount: [number, number]; employees: [number, number] }[] = [
  { stage: 'seed', amount: [1_500_000, 4_000_000], employees: [12, 40] },
  { stage: 'series_a', amount: [8_000_000, 20_000_000], employees: [40, 120] },
  { stage: 'series_b', amount: [25_000_000, 60_000_000], employees: [100, 300] },
  { stage: 'series_c', amount: [60_000_000, 120_000_000], employees: [250, 700] },
  { stage: 'series_d', amount: [120_000_000, 250_000_000], employees: [500, 1_500] },
];
const MONTHLY_BURN_PER_EMPLOYEE_USD = 15_000;

/**
 * Offline stand-in for funding research: the same domain always gives the same rounds. Domains
 * with "bootstrap" in them, and about one in eight others, have no funding data at all.
 */
export function simulateFundingResearch(input: FundingResearchInput): FundingAnswer {
  const { domain } = input.account;
  if (isUnknownCompany(domain)) return nothingFound(undefined);
  const random = createSeededRandom(`funding-research:${domain}`);
  if (domain.includes('bootstrap') || random.chance(0.12)) return nothingFound(simulateProfile(random, random.integer(8, 80), 2023));

  const ladder = LADDER.slice(0, random.integer(1, LADDER.length - 1));
  const rounds = simulateRounds(random, ladder);
  const [first, latest] = [rounds[0], rounds.at(-1)];
  const employeeCount = random.integer(...(ladder.at(-1)?.employees ?? [10, 50]));
  const company = simulateProfile(random, employeeCount, Number((first?.date ?? SIMULATED_AS_OF).slice(0, 4)));
  if (latest === undefined) return nothingFound(company);
  return {
    noDataFound: false,
    rounds,
    runwayEstimate: simulated(runwayWording(latest, employeeCount)),
    company,
    sources: [simulatedSource(0.7)],
    confidence: 0.7,
  };
}

/** The profile a funding database shows, last refreshed months ago: its headcount lags other branches. */
function simulateProfile(random: SeededRandom, employeeCount: number, foundedBy: number): CompanyProfile {
  return {
    industry: random.pick(INDUSTRIES),
    headquarters: random.pick(HEADQUARTERS),
    foundedYear: random.integer(foundedBy - 4, foundedBy),
    employeeCount,
    source: simulatedSource(0.6, 150),
  };
}

function simulateRounds(random: SeededRandom, ladder: typeof LADDER): FundingRound[] {
  let daysAgo = random.integer(45, 700);
  const newestFirst = [...ladder].reverse().map((rung) => {
    const [low, high] = rung.amount;
    const round: FundingRound = {
      date: daysBefore(daysAgo),
      stage: rung.stage,
      amountUsd: Math.round((low + random.next() * (high - low)) / 500_000) * 500_000,
      investors: random.sample(INVESTORS, random.integer(1, 3)),
      sources: [simulatedSource(0.85, daysAgo)],
    };
    daysAgo += random.integer(420, 720);
    return round;
  });
  return newestFirst.reverse();
}

function runwayWording(latest: FundingRound, employeeCount: number): string {
  const monthsSince = Math.round((Date.parse(`${daysBefore(0)}T00:00:00Z`) - Date.parse(`${latest.date}T00:00:00Z`)) / (30.4 * 86_400_000));
  const monthsOfCash = Math.round((latest.amountUsd ?? 0) / (employeeCount * MONTHLY_BURN_PER_EMPLOYEE_USD));
  const left = monthsOfCash - monthsSince;
  const round = `the ${formatUsd(latest.amountUsd ?? 0)} ${stageLabel(latest.stage)} of ${latest.date}`;
  return left > 0
    ? `Roughly ${left} months of runway left after ${round}, assuming about ${formatUsd(MONTHLY_BURN_PER_EMPLOYEE_USD)} monthly burn per employee for ${employeeCount} employees.`
    : `The cash from ${round} is likely spent at typical burn: expect a new round, revenue-funded growth or cost cuts.`;
}

function nothingFound(company: FundingAnswer['company']): FundingAnswer {
  return {
    noDataFound: true,
    rounds: [],
    runwayEstimate: simulated('No funding data found: the company may be bootstrapped, privately funded or too small to be covered, so runway cannot be estimated.'),
    ...(company === undefined ? {} : { company }),
    sources: [simulatedSource(0.5)],
    confidence: 0.5,
  };
}
