import type { AccountBrief } from '../contracts/account-brief.js';
import { duplicateSignalProblems } from '../signal-research/duplicate-signals.js';
import { knownPeople, personKey } from './known-people.js';
import type { ResearchMergeInput, ResearchSynthesis } from './research-merge-schemas.js';

/** With any branch missing, the brief cannot claim more than this. */
export const CONFIDENCE_CAP_WHEN_MISSING = 0.7;

type MissingEntry = AccountBrief['missing'][number];
const describeEntry = (entry: MissingEntry) => `${entry.branch} (${entry.reason})`;

/** The brief's `missing` is the input's, entry for entry: readers must see exactly what was not researched. */
export function missingBranchProblems(brief: Pick<AccountBrief, 'missing'>, input: Pick<ResearchMergeInput, 'missing'>): string[] {
  const key = (entry: MissingEntry) => JSON.stringify([entry.branch, entry.reason]);
  const inBrief = new Set(brief.missing.map(key));
  const inInput = new Set(input.missing.map(key));
  return [
    ...input.missing.filter((entry) => !inBrief.has(key(entry))).map((entry) => `missing lacks ${describeEntry(entry)}, which the input lists as missing: carry input.missing through unchanged`),
    ...brief.missing.filter((entry) => !inInput.has(key(entry))).map((entry) => `missing lists ${describeEntry(entry)}, which the input does not list as missing: carry input.missing through unchanged`),
  ];
}

/** Provenance survives the merge: a signal with no source is an unsupported claim. */
export function unsourcedSignalProblems(brief: Pick<AccountBrief, 'signals'>): string[] {
  return brief.signals.flatMap((signal, index) =>
    signal.sources.length > 0 ? [] : [`signals[${index}] ("${signal.summary}") has no source: keep the sources of the branch findings it came from`],
  );
}

/** The same event twice means the merge did not deduplicate. */
export function duplicateBriefSignalProblems(brief: Pick<AccountBrief, 'signals'>): string[] {
  return duplicateSignalProblems(brief.signals);
}

export function confidenceProblems(brief: Pick<AccountBrief, 'confidence'>, input: Pick<ResearchMergeInput, 'missing'>): string[] {
  if (input.missing.length === 0 || brief.confidence <= CONFIDENCE_CAP_WHEN_MISSING) return [];
  const count = input.missing.length;
  return [
    `confidence ${brief.confidence} is above ${CONFIDENCE_CAP_WHEN_MISSING} while ${count} research branch${count === 1 ? ' is' : 'es are'} missing (${input.missing.map(describeEntry).join(', ')}): lower it to ${CONFIDENCE_CAP_WHEN_MISSING} or less, and lower still the more is missing`,
  ];
}

/** The committee is people the research found, each once; the model assigns roles, it does not invent contacts. */
export function committeeProblems(answer: Pick<ResearchSynthesis, 'buyingCommittee'>, input: Pick<ResearchMergeInput, 'branches'>): string[] {
  const people = knownPeople(input.branches);
  const known = new Set(people.map((person) => personKey(person.name)));
  const found = people.length === 0 ? 'none: neither the hiring branch nor the data sources named anyone, so leave buyingCommittee empty' : people.map((person) => `"${person.name}"`).join(', ');
  const counts = new Map<string, number>();
  return answer.buyingCommittee.flatMap((member, index) => {
    counts.set(personKey(member.name), (counts.get(personKey(member.name)) ?? 0) + 1);
    if (counts.get(personKey(member.name)) === 2) return [`buyingCommittee lists "${member.name}" more than once: list each person once, with one role`];
    if (known.has(personKey(member.name))) return [];
    return [`buyingCommittee[${index}] "${member.name}" is not among the people the research found (${found}): use only people from branches.hiring.people or branches.sources.findings[].people, named as there`];
  });
}
