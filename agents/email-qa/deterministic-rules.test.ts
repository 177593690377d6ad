import { describe, expect, it } from 'vitest';
import { runDeterministicRules, countWords } from './deterministic-rules.js';
import type { EmailQaInput } from './email-qa-schemas.js';
import type { EmailRules } from './email-rules.js';

const rules: EmailRules = {
  limits: {
    maxBodyWords: 80,
    subject: { maxWords: 5, maxCharacters: 45, forbiddenPrefixes: ['re:', 'fwd:'], forbidExclamation: true, forbidAllCaps: true },
    forbidEmDash: true,
    signalRequiredInEmail: 1,
  },
  bannedPhrases: ['leveraging', 'circle back', 'quick call'],
};

const signal = { summary: 'Series B funding in October', keywords: ['Series B', 'raise'] };
const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

function failuresOf(input: EmailQaInput) {
  return runDeterministicRules(input, rules).flatMap((outcome) => outcome.failures);
}

describe('email QA deterministic rules', () => {
  it('says exactly how many words an email is over the limit', () => {
    const failures = failuresOf({ emails: [{ subject: 'Your Series B', body: words(95) }], signal });
    expect(failures).toEqual([
      { email: 1, rule: 'word-count', message: 'Email 1 is 15 words over the 80-word limit (95 words): cut it to 80 or fewer.' },
    ]);
  });

  it('names each banned phrase, matched as whole words and case-insensitively', () => {
    const failures = failuresOf({
      emails: [{ subject: 'After the Series B', body: 'Leveraging data is hard. Could we circle back?' }, { subject: 'Idea', body: 'A quickcall is not a quick call.' }],
      signal,
    });
    expect(failures.map((failure) => failure.message)).toEqual([
      'Email 1 uses the banned phrase "leveraging": rewrite that sentence without it.',
      'Email 1 uses the banned phrase "circle back": rewrite that sentence without it.',
      'Email 2 uses the banned phrase "quick call": rewrite that sentence without it.',
    ]);
  });

  it('catches em-dashes, en-dashes and double hyphens', () => {
    const failures = failuresOf({ emails: [{ subject: 'Series B — now what', body: 'Congrats on the raise -- big step.' }], signal });
    expect(failures.filter((failure) => failure.rule === 'em-dash').map((failure) => failure.message)).toEqual([
      'Email 1 has a dash (— or --) in the subject: use a comma or a full stop instead.',
      'Email 1 has a dash (— or --) in the body: use a comma or a full stop instead.',
    ]);
  });

  it('holds subject lines to length, no fake reply prefix, no shouting, no exclamation', () => {
    const failures = failuresOf({
      emails: [
        { subject: 'Re: quick question about the raise', body: 'Saw the Series B.' },
        { subject: 'HUGE NEWS', body: 'b' },
        { subject: 'Wow!', body: 'c' },
      ],
      signal,
    });
    const messages = failures.filter((failure) => failure.rule === 'subject-line').map((failure) => failure.message);
    expect(messages).toEqual([
      'Email 1 subject "Re: quick question about the raise" is 6 words; keep it to 5 or fewer.',
      'Email 1 subject "Re: quick question about the raise" starts with a reply/forward prefix, which misleads the reader; remove it.',
      'Email 2 subject "HUGE NEWS" is in capitals; write it in sentence case.',
      'Email 3 subject "Wow!" has an exclamation mark; remove it.',
    ]);
  });

  it('requires the first email to name the signal, and accepts any of its keywords', () => {
    const missing = failuresOf({ emails: [{ subject: 'Hello', body: 'Saw your team is growing.' }], signal });
    expect(missing).toEqual([
      {
        email: 1,
        rule: 'signal-presence',
        message: 'Email 1 does not mention the signal (Series B funding in October): reference it in the opening line, e.g. with "Series B", "raise".',
      },
    ]);
    expect(failuresOf({ emails: [{ subject: 'Hello', body: 'Congrats on the raise.' }], signal })).toEqual([]);
  });

  it('passes a clean sequence', () => {
    expect(failuresOf({ emails: [{ subject: 'Your Series B', body: 'Congrats on the Series B. Worth a chat?' }], signal })).toEqual([]);
  });

  it('counts words as a reader would, ignoring stray punctuation', () => {
    expect(countWords('Hi Ana, quick note  -  two lines.\nThanks')).toBe(7);
  });
});
