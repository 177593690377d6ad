import type { Signal } from '../contracts/account-brief.js';
import { formatUsd, stageLabel } from '../funding-research/summarize-funding.js';
import type { ResearchBranches } from './research-merge-schemas.js';
import { daysBetween, labelled, researchDate, uniqueSources } from './branch-sources.js';

/** Older events are history, not signals. */
const ACTIVE_WITHIN_DAYS = 365;
type Branch<Name extends keyof ResearchBranches> = NonNullable<ResearchBranches[Name]>;

/**
 * Every candidate signal, before deduplication: the signal branch's own first (its summaries are
 * written from the articles), then the recent events the other branches found, each with the
 * sources of the finding it came from.
 */
export function branchSignals(branches: ResearchBranches): Signal[] {
  const asOf = researchDate(branches);
  const { funding, hiring, techStack, signals } = branches;
  return [
    ...(signals?.signals ?? []),
    ...(funding === undefined ? [] : fundingSignals(funding, asOf)),
    ...(hiring === undefined ? [] : hiringSignals(hiring)),
    ...(techStack === undefined ? [] : techChangeSignals(techStack, asOf)),
  ].filter((signal) => signal.sources.length > 0);
}

const isActive = (recencyDays: number | undefined) => recencyDays === undefined || recencyDays <= ACTIVE_WITHIN_DAYS;

function fundingSignals(funding: Branch<'funding'>, asOf: number | undefined): Signal[] {
  const round = funding.latestRound;
  if (round === undefined) return [];
  const amount = round.amountUsd === undefined ? undefined : formatUsd(round.amountUsd);
  const lead = round.investors[0] === undefined ? '' : `, led by ${round.investors[0]}`;
  const recencyDays = daysBetween(round.date, asOf);
  if (!isActive(recencyDays)) return [];
  return [{
    kind: 'funding',
    summary: labelled(`Raised a ${amount === undefined ? '' : `${amount} `}${stageLabel(round.stage)} on ${round.date}${lead}.`, round.sources),
    keywords: [stageLabel(round.stage), ...(amount === undefined ? [] : [amount])],
    ...(recencyDays === undefined ? {} : { recencyDays }),
    strength: recencyDays === undefined || recencyDays > 180 ? 'moderate' : 'strong',
    sources: round.sources,
  }];
}

function hiringSignals(hiring: Branch<'hiring'>): Signal[] {
  const { rolesOpenedLast90Days: last, rolesOpenedPrevious90Days: previous, trend } = hiring.velocity;
  const orgSignals: Signal[] = hiring.orgSignals.map((signal) => ({ kind: 'hiring', ...signal, strength: 'moderate' }));
  if (trend !== 'accelerating') return orgSignals;
  const sources = uniqueSources([...hiring.sources, ...hiring.openRoles.slice(0, 5).flatMap((role) => role.sources)]);
  const velocity: Signal = {
    kind: 'hiring',
    summary: labelled(`Hiring is accelerating: ${last} roles opened in the last 90 days${previous === undefined ? '' : `, up from ${previous}`}.`, sources),
    keywords: ['hiring', 'open roles'],
    strength: last >= 10 ? 'strong' : 'moderate',
    sources,
  };
  return [velocity, ...orgSignals];
}

function techChangeSignals(techStack: Branch<'techStack'>, asOf: number | undefined): Signal[] {
  return techStack.recentChanges.flatMap((change): Signal[] => {
    const recencyDays = daysBetween(change.date, asOf);
    if (!isActive(recencyDays)) return [];
    const category = categoryLabel(change.category);
    return [{
      kind: 'tech_change',
      summary: labelled(`${change.change === 'added' ? 'Added' : 'Removed'} ${change.vendor} (${category}) on ${change.date}.`, change.sources),
      keywords: [change.vendor, category],
      ...(recencyDays === undefined ? {} : { recencyDays }),
      strength: recencyDays !== undefined && recencyDays <= 180 ? 'moderate' : 'weak',
      sources: change.sources,
    }];
  });
}

function categoryLabel(category: string): string {
  return category === 'crm' || category === 'cdp' ? category.toUpperCase() : category.replaceAll('_', ' ');
}
