import { countWords } from '../email-qa/deterministic-rules.js';
import type { ObjectionReply } from './objection-schemas.js';

/** A reply that acknowledges stays short; one that argues grows. */
export const MAX_OBJECTION_REPLY_WORDS = 90;

/** Banned phrases in `text`, matched as the email QA critic matches them: whole words, any case. */
export function findBannedPhrases(text: string, phrases: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return phrases.filter((phrase) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(phrase)}($|[^\\p{L}\\p{N}])`, 'u').test(lower));
}

export function lengthProblems(answer: ObjectionReply): string[] {
  const words = countWords(answer.replyDraft.body);
  return words <= MAX_OBJECTION_REPLY_WORDS
    ? []
    : [`replyDraft.body is ${words} words: acknowledge the objection in ${MAX_OBJECTION_REPLY_WORDS} words or fewer instead of arguing it`];
}

export function questionProblems(answer: ObjectionReply): string[] {
  const questions = (answer.replyDraft.body.match(/\?/g) ?? []).length;
  if (questions === 1) return [];
  return questions === 0
    ? ['replyDraft.body asks no question: end with one soft question']
    : [`replyDraft.body asks ${questions} questions: keep exactly one, soft question`];
}

export function bannedPhraseProblems(answer: ObjectionReply, phrases: readonly string[]): string[] {
  return findBannedPhrases(`${answer.replyDraft.subject}\n${answer.replyDraft.body}`, phrases).map(
    (phrase) => `replyDraft uses the banned phrase "${phrase}": rewrite that sentence without it`,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
