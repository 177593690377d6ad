import type { Signal } from '../contracts/account-brief.js';
import { createSeededRandom, isUnknownCompany, simulated, simulatedSource, SIMULATED_AS_OF, type SeededRandom } from '../funding-research/research-simulation.js';
import { simulateFundingResearch } from '../funding-research/simulate-funding-research.js';
import { formatUsd, stageLabel } from '../funding-research/summarize-funding.js';
import { simulateHiringResearch } from '../hiring-research/simulate-hiring-research.js';
import type { SignalResearch, SignalResearchInput } from './signal-schemas.js';

const DAY_MS = 86_400_000;

const TEMPLATES: readonly Omit<Signal, 'recencyDays' | 'strength' | 'sources'>[] = [
  { kind: 'product_launch', summary: 'Launched a new analytics module for existing customers.', keywords: ['product launch', 'analytics module'] },
  { kind: 'expansion', summary: 'Opened a second office to serve European customers.', keywords: ['new office', 'European expansion'] },
  { kind: 'leadership_change', summary: 'Appointed a new Chief Revenue Officer.', keywords: ['new CRO', 'Chief Revenue Officer'] },
  { kind: 'news', summary: 'Named in an industry report on fast-growing companies in its category.', keywords: ['industry report', 'fast-growing'] },
];

/**
 * Offline stand-in for signal research (news, posts, reviews). Its funding and hiring signals come
 * from the same simulated company the funding and hiring branches describe, so the merge has real
 * duplicates to fold together; one or two other signals are drawn from templates.
 */
export function simulateSignalResearch(input: SignalResearchInput): SignalResearch {
  if (isUnknownCompany(input.account.domain)) return { signals: [], sources: [simulatedSource(0.4)], confidence: 0.4 };
  const random = createSeededRandom(`signal-research:${input.account.domain}`);
  const signals = [fundingSignal(input), hiringSignal(input), ...random.sample(TEMPLATES, random.integer(1, 2)).map((template) => fromTemplate(random, template))];
  return { signals: signals.filter((signal): signal is Signal => signal !== undefined), sources: [simulatedSource(0.7)], confidence: 0.65 };
}

function fundingSignal(input: SignalResearchInput): Signal | undefined {
  const latest = simulateFundingResearch(input).rounds.at(-1);
  if (latest === undefined) return undefined;
  const recencyDays = Math.round((Date.parse(SIMULATED_AS_OF) - Date.parse(latest.date)) / DAY_MS);
  if (recencyDays > 365) return undefined;
  const amount = latest.amountUsd === undefined ? '' : `${formatUsd(latest.amountUsd)} `;
  return {
    kind: 'funding',
    summary: simulated(`Announced a ${amount}${stageLabel(latest.stage)} on ${latest.date}.`),
    keywords: [stageLabel(latest.stage), ...(latest.amountUsd === undefined ? [] : [formatUsd(latest.amountUsd)])],
    recencyDays,
    strength: recencyDays <= 180 ? 'strong' : 'moderate',
    sources: [simulatedSource(0.8, Math.max(0, recencyDays - 1))],
  };
}

function hiringSignal(input: SignalResearchInput): Signal | undefined {
  const { velocity } = simulateHiringResearch(input);
  if (velocity.trend !== 'accelerating') return undefined;
  return {
    kind: 'hiring',
    summary: simulated(`Hiring is accelerating: ${velocity.rolesOpenedLast90Days} roles opened in the last 90 days.`),
    keywords: ['hiring', 'open roles'],
    recencyDays: 7,
    strength: velocity.rolesOpenedLast90Days >= 10 ? 'strong' : 'moderate',
    sources: [simulatedSource(0.6, 7)],
  };
}

function fromTemplate(random: SeededRandom, template: (typeof TEMPLATES)[number]): Signal {
  const recencyDays = random.integer(5, 200);
  const strength = recencyDays <= 30 ? 'strong' : recencyDays <= 120 ? 'moderate' : 'weak';
  return { ...template, summary: simulated(template.summary), recencyDays, strength, sources: [simulatedSource(0.6, recencyDays)] };
}
