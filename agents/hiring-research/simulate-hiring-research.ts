import { createSeededRandom, daysBefore, isUnknownCompany, simulated, simulatedSource, type SeededRandom } from '../funding-research/research-simulation.js';
import { simulateFundingResearch } from '../funding-research/simulate-funding-research.js';
import { trendOf } from './hiring-rules.js';
import type { Department, HiringResearch, HiringResearchInput, OpenRole, OrgSignal, Person, Seniority } from './hiring-schemas.js';

const ROLES: readonly { title: string; department: Department; seniority: Seniority }[] = [
  { title: 'Account Executive', department: 'sales', seniority: 'mid' },
  { title: 'Senior Account Executive', department: 'sales', seniority: 'senior' },
  { title: 'Sales Development Representative', department: 'sales', seniority: 'entry' },
  { title: 'Enterprise Account Executive', department: 'sales', seniority: 'senior' },
  { title: 'VP of Sales', department: 'sales', seniority: 'vp' },
  { title: 'Demand Generation Manager', department: 'marketing', seniority: 'manager' },
  { title: 'Product Marketing Manager', department: 'marketing', seniority: 'mid' },
  { title: 'Revenue Operations Manager', department: 'revenue_operations', seniority: 'manager' },
  { title: 'Sales Operations Analyst', department: 'revenue_operations', seniority: 'mid' },
  { title: 'Customer Success Manager', department: 'customer_success', seniority: 'mid' },
  { title: 'Senior Software Engineer', department: 'engineering', seniority: 'senior' },
  { title: 'Analytics Engineer', department: 'data', seniority: 'mid' },
];
const LOCATIONS = ['Remote (US)', 'New York, NY', 'Austin, TX', 'San Francisco, CA', 'Chicago, IL', 'London, UK', 'Toronto, ON'];
const LEADERS: readonly { title: string; department: Department }[] = [
  { title: 'Chief Revenue Officer', department: 'executive' },
  { title: 'VP of Sales', department: 'sales' },
  { title: 'Director of Revenue Operations', department: 'revenue_operations' },
  { title: 'VP of Marketing', department: 'marketing' },
  { title: 'Chief Financial Officer', department: 'finance' },
  { title: 'Head of Sales Development', department: 'sales' },
];
const FIRST_NAMES = ['Morgan', 'Avery', 'Jordan', 'Riley', 'Casey', 'Quinn', 'Harper', 'Rowan'];
const LAST_NAMES = ['Reyes', 'Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Brennan', 'Castillo', 'Novak'];

/**
 * Offline stand-in for hiring research. It reads the simulated funding profile so one simulated
 * company has one plausible size across branches; the profile is older, so headcounts differ.
 */
export function simulateHiringResearch(input: HiringResearchInput): HiringResearch {
  const { domain } = input.account;
  if (isUnknownCompany(domain)) {
    return { openRoles: [], velocity: { rolesOpenedLast90Days: 0, trend: 'unknown' }, orgSignals: [], people: [], sources: [simulatedSource(0.4)], confidence: 0.4 };
  }
  const random = createSeededRandom(`hiring-research:${domain}`);
  const profiled = simulateFundingResearch(input).company?.employeeCount ?? random.integer(20, 400);
  const employeeCount = Math.round(profiled * (1.05 + random.next() * 0.25));
  const openRoles = simulateRoles(random, Math.min(14, Math.max(1, Math.round(employeeCount / 25) + random.integer(0, 4))));
  const last = openRoles.filter((role) => role.postedAt !== undefined && role.postedAt >= daysBefore(90)).length + random.integer(0, 4);
  const previous = random.integer(1, 10);
  return {
    openRoles,
    velocity: { rolesOpenedLast90Days: last, rolesOpenedPrevious90Days: previous, trend: trendOf(last, previous) },
    orgSignals: orgSignalsOf(openRoles),
    people: simulatePeople(random),
    headcount: { employeeCount, source: simulatedSource(0.75) },
    sources: [simulatedSource(0.75)],
    confidence: 0.7,
  };
}

/** Repeated titles are realistic (three Account Executive postings); a second VP opening is not. */
function simulateRoles(random: SeededRandom, count: number): OpenRole[] {
  const roles = Array.from({ length: count }, () => {
    const postedDaysAgo = random.integer(1, 150);
    return { ...random.pick(ROLES), location: random.pick(LOCATIONS), postedAt: daysBefore(postedDaysAgo), sources: [simulatedSource(0.8, postedDaysAgo)] };
  });
  const firstVp = roles.findIndex((role) => role.seniority === 'vp');
  return roles.filter((role, index) => role.seniority !== 'vp' || index === firstVp);
}

function orgSignalsOf(roles: readonly OpenRole[]): OrgSignal[] {
  const source = simulatedSource(0.6);
  const sales = roles.filter((role) => role.department === 'sales').length;
  const signals: (OrgSignal | false)[] = [
    roles.some((role) => role.department === 'revenue_operations') && {
      summary: simulated('A Revenue Operations role is open and no RevOps team is listed: likely the first RevOps hire.'),
      keywords: ['first RevOps hire', 'RevOps'],
      sources: [source],
    },
    roles.some((role) => role.seniority === 'vp') && {
      summary: simulated('A VP-level sales role is open: sales leadership is changing.'),
      keywords: ['VP of Sales', 'sales leadership'],
      sources: [source],
    },
    sales >= 4 && { summary: simulated(`${sales} sales roles are open at once: the sales team is growing.`), keywords: ['sales hiring', 'Account Executive'], sources: [source] },
  ];
  return signals.filter((signal): signal is OrgSignal => signal !== false);
}

/** Names carry the simulated label too: a made-up person must never pass for a real contact. */
function simulatePeople(random: SeededRandom): Person[] {
  return random.sample(LEADERS, random.integer(1, 3)).map((leader) => ({
    name: simulated(`${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`),
    ...leader,
    sources: [simulatedSource(0.6, random.integer(10, 200))],
  }));
}
