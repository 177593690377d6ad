import type { AccountBrief, Signal } from '../contracts/account-brief.js';
import type { SequenceEmail } from '../contracts/email-sequence.js';
import { strongestSignal, type SequenceSignal } from './strongest-signal.js';

export type SequencePosition = 1 | 2 | 3;

/** The few facts of the brief the simulated emails use: nothing free-form, so nothing can break a house rule. */
export interface DraftFacts {
  readonly account: string;
  readonly keywords: readonly string[];
  readonly challenge: string;
}

interface Template {
  readonly subjects: (facts: DraftFacts, keyword: string) => readonly string[];
  readonly body: (facts: DraftFacts, keyword: string) => string;
}

const CHALLENGES: Readonly<Record<Signal['kind'], string>> = {
  funding: 'hiring ahead of revenue',
  hiring: 'ramping new hires quickly',
  tech_change: 'moving workflows onto a new stack',
  leadership_change: 'resetting priorities under new leadership',
  expansion: 'covering new markets with the same team',
  product_launch: 'turning launch interest into pipeline',
  news: 'keeping the plan on track',
  other: 'keeping the plan on track',
};

const opener = (facts: DraftFacts, keyword: string) =>
  keyword.toLowerCase() === facts.account.toLowerCase() ? `Been reading about ${facts.account}.` : `Saw the ${keyword} news at ${facts.account}.`;

/** Two variants per position, so a rewrite always has a different compliant email to offer. */
const TEMPLATES: Readonly<Record<SequencePosition, readonly Template[]>> = {
  1: [
    {
      subjects: (_facts, keyword) => [`Your ${keyword}`, `About ${keyword}`, 'A thought'],
      body: (facts, keyword) => `${opener(facts, keyword)} Teams in that position often find ${facts.challenge} is harder than planned. Is that on your radar this quarter?`,
    },
    {
      subjects: (_facts, keyword) => [`After the ${keyword}`, 'One question'],
      body: (facts, keyword) => `${opener(facts, keyword)} When that happens, ${facts.challenge} tends to land on a few people at once. How are you handling it so far?`,
    },
  ],
  2: [
    {
      subjects: (facts) => [`One idea for ${facts.account}`, 'One idea'],
      body: (facts) => `One more thought on ${facts.challenge}. The teams that handle it well start by mapping where the first ninety days actually go. Would a short summary of that be useful?`,
    },
    {
      subjects: () => ['A different angle'],
      body: (facts) => `Another angle on ${facts.challenge}: the slowdown usually shows up in handoffs, not headcount. Happy to share the three questions other teams used to find it. Want them?`,
    },
  ],
  3: [
    {
      subjects: () => ['Last note'],
      body: (facts) => `I will leave it here for now. If ${facts.challenge} moves up the list at ${facts.account}, I am glad to compare notes. Should I check back next quarter instead?`,
    },
    {
      subjects: () => ['Closing the loop'],
      body: (facts) => `Last one from me. If the timing is wrong for ${facts.account}, no problem at all. Is there someone else who owns ${facts.challenge} I should talk to?`,
    },
  ],
};

export function draftFacts(brief: AccountBrief, lean: SequenceSignal): DraftFacts {
  const signal = strongestSignal(brief);
  return { account: brief.account.name, keywords: lean.keywords, challenge: signal === undefined ? CHALLENGES.other : CHALLENGES[signal.kind] };
}

/** Every email the simulator could write at `position`, in order of preference. */
export function draftCandidates(position: SequencePosition, facts: DraftFacts): SequenceEmail[] {
  const keywords = position === 1 ? facts.keywords : facts.keywords.slice(0, 1);
  return TEMPLATES[position].flatMap((template) =>
    keywords.flatMap((keyword) => template.subjects(facts, keyword).map((subject) => ({ subject, body: template.body(facts, keyword) }))),
  );
}
