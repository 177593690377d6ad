import type { EmailDraft, EmailQaFailure, EmailQaInput, RuleName } from './email-qa-schemas.js';
import type { EmailLimits, EmailRules } from './email-rules.js';

export interface RuleOutcome {
  readonly rule: RuleName;
  readonly failures: readonly EmailQaFailure[];
}

/** The rules code can decide alone: counting, matching, spotting characters. */
export function runDeterministicRules(input: EmailQaInput, rules: EmailRules): RuleOutcome[] {
  const emails = input.emails.map((draft, index) => ({ draft, number: index + 1 }));
  return [
    { rule: 'word-count', failures: emails.flatMap(({ draft, number }) => wordCount(draft, number, rules.limits)) },
    { rule: 'banned-phrase', failures: emails.flatMap(({ draft, number }) => bannedPhrases(draft, number, rules.bannedPhrases)) },
    { rule: 'em-dash', failures: rules.limits.forbidEmDash ? emails.flatMap(({ draft, number }) => emDash(draft, number)) : [] },
    { rule: 'subject-line', failures: emails.flatMap(({ draft, number }) => subjectLine(draft, number, rules.limits)) },
    { rule: 'signal-presence', failures: signalPresence(input, rules.limits) },
  ];
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function wordCount(draft: EmailDraft, number: number, limits: EmailLimits): EmailQaFailure[] {
  const words = countWords(draft.body);
  if (words <= limits.maxBodyWords) return [];
  const over = words - limits.maxBodyWords;
  return [{ email: number, rule: 'word-count', message: `Email ${number} is ${over} word${over === 1 ? '' : 's'} over the ${limits.maxBodyWords}-word limit (${words} words): cut it to ${limits.maxBodyWords} or fewer.` }];
}

function bannedPhrases(draft: EmailDraft, number: number, phrases: readonly string[]): EmailQaFailure[] {
  const text = `${draft.subject}\n${draft.body}`.toLowerCase();
  return phrases
    .filter((phrase) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(phrase)}($|[^\\p{L}\\p{N}])`, 'u').test(text))
    .map((phrase) => ({ email: number, rule: 'banned-phrase', message: `Email ${number} uses the banned phrase "${phrase}": rewrite that sentence without it.` }));
}

function emDash(draft: EmailDraft, number: number): EmailQaFailure[] {
  const places = [
    ...(/[—–]|\s--\s/.test(draft.subject) ? ['subject'] : []),
    ...(/[—–]|\s--\s/.test(draft.body) ? ['body'] : []),
  ];
  return places.map((place) => ({ email: number, rule: 'em-dash', message: `Email ${number} has a dash (— or --) in the ${place}: use a comma or a full stop instead.` }));
}

function subjectLine(draft: EmailDraft, number: number, limits: EmailLimits): EmailQaFailure[] {
  const subject = draft.subject.trim();
  const rules = limits.subject;
  const words = countWords(subject);
  const problems = [
    words > rules.maxWords ? `is ${words} words; keep it to ${rules.maxWords} or fewer` : undefined,
    subject.length > rules.maxCharacters ? `is ${subject.length} characters; keep it to ${rules.maxCharacters} or fewer` : undefined,
    rules.forbiddenPrefixes.find((prefix) => subject.toLowerCase().startsWith(prefix)) !== undefined ? 'starts with a reply/forward prefix, which misleads the reader; remove it' : undefined,
    rules.forbidExclamation && subject.includes('!') ? 'has an exclamation mark; remove it' : undefined,
    rules.forbidAllCaps && /\b[A-Z]{4,}\b/.test(subject) && !/[a-z]/.test(subject) ? 'is in capitals; write it in sentence case' : undefined,
  ].filter((problem): problem is string => problem !== undefined);
  return problems.map((problem) => ({ email: number, rule: 'subject-line', message: `Email ${number} subject "${subject}" ${problem}.` }));
}

function signalPresence(input: EmailQaInput, limits: EmailLimits): EmailQaFailure[] {
  const number = limits.signalRequiredInEmail;
  const draft = input.emails[number - 1];
  if (draft === undefined) return [];
  const text = `${draft.subject}\n${draft.body}`.toLowerCase();
  if (input.signal.keywords.some((keyword) => text.includes(keyword.toLowerCase()))) return [];
  const examples = input.signal.keywords.slice(0, 3).map((keyword) => `"${keyword}"`).join(', ');
  return [{ email: number, rule: 'signal-presence', message: `Email ${number} does not mention the signal (${input.signal.summary}): reference it in the opening line, e.g. with ${examples}.` }];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
