import type { AccountBrief, CommitteeMember } from '../contracts/account-brief.js';
import type { Person } from '../hiring-research/hiring-schemas.js';
import { branchSignals } from './branch-signals.js';
import { sourcesOf, uniqueSources } from './branch-sources.js';
import { mergeSignals } from './merge-signals.js';
import type { ResearchMergeInput, ResearchSynthesis } from './research-merge-schemas.js';
import { resolveEmployeeCount } from './resolve-employee-count.js';

const MAX_SUMMARY = 1_000;

/**
 * The AccountBrief from the model's synthesis and the branches. The split follows email-qa: what
 * is objective is code, so it cannot drift or cost deep-tier tokens. Code deduplicates signals,
 * keeps each one's sources, resolves the employee count (and says so), copies `missing` and
 * attaches each committee member's title and sources from the research; the model writes the
 * summary and the problem hypothesis, picks the committee's roles and states its confidence.
 */
export function assembleAccountBrief(answer: ResearchSynthesis, input: ResearchMergeInput): AccountBrief {
  const { branches } = input;
  const company = branches.funding?.company;
  const employees = resolveEmployeeCount(branches);
  return {
    account: input.account,
    snapshot: {
      ...(company?.industry === undefined ? {} : { industry: company.industry }),
      ...(employees.employeeCount === undefined ? {} : { employeeCount: employees.employeeCount }),
      ...(company?.headquarters === undefined ? {} : { headquarters: company.headquarters }),
      summary: [answer.summary, employees.note].filter((part) => part !== undefined).join(' ').slice(0, MAX_SUMMARY),
    },
    signals: mergeSignals(branchSignals(branches)),
    buyingCommittee: committeeOf(answer.buyingCommittee, branches.hiring?.people ?? []),
    problemHypothesis: answer.problemHypothesis,
    missing: input.missing.map((entry) => ({ branch: entry.branch, reason: entry.reason })),
    sources: uniqueSources(sourcesOf(branches)),
    confidence: answer.confidence,
  };
}

/** People are matched by name as a reader would (case and spacing aside); titles and sources come from the research. */
export function personKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

function committeeOf(picks: ResearchSynthesis['buyingCommittee'], people: readonly Person[]): CommitteeMember[] {
  const byName = new Map(people.map((person) => [personKey(person.name), person]));
  const seen = new Set<string>();
  return picks.flatMap((pick) => {
    const person = byName.get(personKey(pick.name));
    if (person === undefined || seen.has(personKey(pick.name))) return [];
    seen.add(personKey(pick.name));
    return [{ name: person.name, title: person.title, role: pick.role, sources: person.sources }];
  });
}
