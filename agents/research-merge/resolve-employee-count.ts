import type { Source } from '../contracts/provenance.js';
import type { ResearchBranches } from './research-merge-schemas.js';
import { timeOf } from './branch-sources.js';

interface Reading {
  readonly value: number;
  readonly source: Source;
  readonly branch: string;
}

export interface ResolvedEmployeeCount {
  readonly employeeCount: number | undefined;
  /** Set when the branches disagreed: which count was kept, over which, and why. */
  readonly note: string | undefined;
}

/**
 * The funding database's profile and the hiring branch's company page often disagree on size.
 * The more recent reading wins, then the more confident one; the brief says which and why.
 */
export function resolveEmployeeCount(branches: ResearchBranches): ResolvedEmployeeCount {
  const readings = readingsOf(branches).sort(preferred);
  const [kept, ...others] = readings;
  if (kept === undefined) return { employeeCount: undefined, note: undefined };
  const rival = others.find((reading) => reading.value !== kept.value);
  if (rival === undefined) return { employeeCount: kept.value, note: undefined };
  return {
    employeeCount: kept.value,
    note: `Employee count ${kept.value} (${describe(kept)}) kept over ${rival.value} (${describe(rival)}): ${reasonFor(kept, rival)}.`,
  };
}

function reasonFor(kept: Reading, rival: Reading): string {
  if ((timeOf(kept.source.observedAt) ?? -Infinity) > (timeOf(rival.source.observedAt) ?? -Infinity)) return 'the more recent source';
  if (kept.source.confidence > rival.source.confidence) return 'the more confident source';
  return 'the sources are equally recent and confident, and the company page comes first';
}

function readingsOf(branches: ResearchBranches): Reading[] {
  const { funding, hiring } = branches;
  const readings: Reading[] = [];
  if (hiring?.headcount !== undefined) readings.push({ value: hiring.headcount.employeeCount, source: hiring.headcount.source, branch: 'hiring' });
  if (funding?.company?.employeeCount !== undefined) readings.push({ value: funding.company.employeeCount, source: funding.company.source, branch: 'funding' });
  for (const finding of branches.sources?.findings ?? []) {
    if (finding.company?.employeeCount !== undefined) readings.push({ value: finding.company.employeeCount, source: finding.source, branch: 'sources' });
  }
  return readings;
}

/** Newest first, undated last; then the higher confidence; then the company page (listed first). */
function preferred(left: Reading, right: Reading): number {
  const byDate = (timeOf(right.source.observedAt) ?? -Infinity) - (timeOf(left.source.observedAt) ?? -Infinity);
  return (Number.isNaN(byDate) ? 0 : byDate) || right.source.confidence - left.source.confidence;
}

function describe(reading: Reading): string {
  return `${reading.branch} research, ${reading.source.source}, ${reading.source.observedAt ?? 'undated'}`;
}
