import type { AccountBrief, CommitteeMember } from '../contracts/account-brief.js';
import { branchSignals } from './branch-signals.js';
import { sourcesOf, uniqueSources } from './branch-sources.js';
import { mergeSignals } from './merge-signals.js';
import type { ResearchMergeInput, ResearchSynthesis } from './research-merge-schemas.js';
import { knownPeople, personKey, type KnownPerson } from './known-people.js';
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
  const recorded = branches.sources?.findings.map((finding) => finding.company).find((found) => found !== undefined);
  const industry = company?.industry ?? recorded?.industry;
  const headquarters = company?.headquarters ?? recorded?.headquarters;
  const employees = resolveEmployeeCount(branches);
  return {
    account: input.account,
    snapshot: {
      ...(industry === undefined ? {} : { industry }),
      ...(employees.employeeCount === undefined ? {} : { employeeCount: employees.employeeCount }),
      ...(headquarters === undefined ? {} : { headquarters }),
      summary: [answer.summary, employees.note, sourceNotes(branches)].filter((part) => part !== undefined).join(' ').slice(0, MAX_SUMMARY),
    },
    signals: mergeSignals(branchSignals(branches)),
    buyingCommittee: committeeOf(answer.buyingCommittee, knownPeople(branches)),
    problemHypothesis: answer.problemHypothesis,
    missing: input.missing.map((entry) => ({ branch: entry.branch, reason: entry.reason })),
    sources: uniqueSources(sourcesOf(branches)),
    confidence: answer.confidence,
  };
}

/** What the data sources know that no signal carries (the CRM's open deals), said in one line. */
function sourceNotes(branches: ResearchMergeInput['branches']): string | undefined {
  const notes = (branches.sources?.findings ?? []).flatMap((finding) => finding.notes.map((note) => `${note} [${finding.source.source}]`));
  return notes.length === 0 ? undefined : `Known to our systems: ${notes.slice(0, 4).join('; ')}.`;
}

/** Titles, emails and sources come from the research; the model only picks roles. */
function committeeOf(picks: ResearchSynthesis['buyingCommittee'], people: readonly KnownPerson[]): CommitteeMember[] {
  const byName = new Map(people.map((person) => [personKey(person.name), person]));
  const seen = new Set<string>();
  return picks.flatMap((pick) => {
    const person = byName.get(personKey(pick.name));
    if (person === undefined || seen.has(personKey(pick.name))) return [];
    seen.add(personKey(pick.name));
    return [{ name: person.name, title: person.title, role: pick.role, ...(person.email === undefined ? {} : { email: person.email }), sources: [...person.sources] }];
  });
}
