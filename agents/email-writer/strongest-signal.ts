import type { AccountBrief, Signal } from '../contracts/account-brief.js';
import type { EmailSequence } from '../contracts/email-sequence.js';

export type SequenceSignal = EmailSequence['signal'];

const STRENGTH_RANK: Readonly<Record<Signal['strength'], number>> = { strong: 0, moderate: 1, weak: 2 };

/** The brief's strongest signal: strength first, then the most recent, then the brief's own order. */
export function strongestSignal(brief: AccountBrief): Signal | undefined {
  const ranked = brief.signals
    .map((signal, order) => ({ signal, order }))
    .sort(
      (left, right) =>
        STRENGTH_RANK[left.signal.strength] - STRENGTH_RANK[right.signal.strength] ||
        (left.signal.recencyDays ?? Number.MAX_SAFE_INTEGER) - (right.signal.recencyDays ?? Number.MAX_SAFE_INTEGER) ||
        left.order - right.order,
    );
  return ranked[0]?.signal;
}

/**
 * What the sequence leans on: the strongest signal's summary and keywords (the words the QA
 * critic looks for in email 1). A brief without signals falls back to the account's own name,
 * so email 1 still has something concrete to name; the writer lowers its confidence.
 */
export function signalToLeanOn(brief: AccountBrief): SequenceSignal {
  const signal = strongestSignal(brief);
  if (signal !== undefined) return { summary: signal.summary, keywords: [...signal.keywords] };
  return { summary: `No signal in the brief; ${brief.problemHypothesis}`.slice(0, 300), keywords: [brief.account.name] };
}

/** The answer's signal keywords must come from the brief's strongest signal, so QA checks real words. */
export function signalProblems(answer: EmailSequence, brief: AccountBrief): string[] {
  const expected = signalToLeanOn(brief);
  const allowed = new Set(expected.keywords.map((keyword) => keyword.toLowerCase()));
  const foreign = answer.signal.keywords.filter((keyword) => !allowed.has(keyword.toLowerCase()));
  if (foreign.length === 0) return [];
  const choices = expected.keywords.map((keyword) => `"${keyword}"`).join(', ');
  return [
    `signal.keywords ${foreign.map((keyword) => `"${keyword}"`).join(', ')} are not keywords of the brief's strongest signal (${expected.summary}): use only ${choices}`,
  ];
}
