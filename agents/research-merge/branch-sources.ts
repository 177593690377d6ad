import type { Source } from '../contracts/provenance.js';
import { simulated } from '../funding-research/research-simulation.js';
import type { ResearchBranches } from './research-merge-schemas.js';

const DAY_MS = 86_400_000;

/** Every source any branch cited, at the top or on a finding. */
export function sourcesOf(branches: ResearchBranches): Source[] {
  const { funding, hiring, techStack, signals, sources } = branches;
  return [
    ...(funding === undefined ? [] : [...funding.sources, ...funding.rounds.flatMap((round) => round.sources), ...(funding.company === undefined ? [] : [funding.company.source])]),
    ...(hiring === undefined ? [] : hiringSources(hiring)),
    ...(techStack === undefined ? [] : [...techStack.sources, ...[...techStack.stack, ...techStack.recentChanges, ...techStack.integrationPoints].flatMap((item) => item.sources)]),
    ...(signals === undefined ? [] : [...signals.sources, ...signals.signals.flatMap((signal) => signal.sources)]),
    ...(sources === undefined ? [] : sources.findings.map((finding) => finding.source)),
  ];
}

function hiringSources(hiring: NonNullable<ResearchBranches['hiring']>): Source[] {
  const findings = [...hiring.openRoles, ...hiring.orgSignals, ...hiring.people];
  return [...hiring.sources, ...findings.flatMap((finding) => finding.sources), ...(hiring.headcount === undefined ? [] : [hiring.headcount.source])];
}

/** One entry per source and date, keeping the highest confidence, in first-seen order. */
export function uniqueSources(sources: readonly Source[]): Source[] {
  const byKey = new Map<string, Source>();
  for (const source of sources) {
    const key = `${source.source}|${source.observedAt ?? ''}`;
    const seen = byKey.get(key);
    if (seen === undefined || source.confidence > seen.confidence) byKey.set(key, seen === undefined ? source : { ...seen, confidence: source.confidence });
  }
  return [...byKey.values()];
}

/** When the research was done: the latest date any source was observed, so recency needs no clock. */
export function researchDate(branches: ResearchBranches): number | undefined {
  const times = sourcesOf(branches).map((source) => timeOf(source.observedAt)).filter((time) => time !== undefined);
  return times.length === 0 ? undefined : Math.max(...times);
}

/** Whole days from `date` to the research date, within the contract's 0–3650; undefined when either is unknown. */
export function daysBetween(date: string, asOf: number | undefined): number | undefined {
  const time = timeOf(date);
  if (time === undefined || asOf === undefined) return undefined;
  return Math.min(3650, Math.max(0, Math.round((asOf - time) / DAY_MS)));
}

export function timeOf(date: string | undefined): number | undefined {
  const time = date === undefined ? Number.NaN : Date.parse(date);
  return Number.isNaN(time) ? undefined : time;
}

/** Prose code writes from simulated findings is labelled like the simulators' own. */
export function labelled(text: string, sources: readonly Source[]): string {
  return sources.length > 0 && sources.every((source) => source.source === 'simulated') ? simulated(text) : text;
}
