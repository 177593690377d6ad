import { countWords } from '../email-qa/deterministic-rules.js';
import type { OptOutConfirmation, OptOutInput } from './opt-out-schemas.js';

export const MAX_CONFIRMATION_WORDS = 50;

/** Words that ask to stop all contact: honouring less than that is a compliance problem, not a style one. */
export const REMOVAL_CUES = ['remove me', 'unsubscribe', 'stop emailing', 'stop contacting', 'do not contact', "don't contact", 'take me off', 'opt out', 'never contact', 'gdpr'];

const LINK = /https?:\/\/|\bwww\.|\b[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*/i;

/** A confirmation confirms: short, no question to answer, no link to click. */
export function confirmationProblems(answer: OptOutConfirmation): string[] {
  const { subject, body } = answer.confirmation;
  const words = countWords(body);
  return [
    ...(subject.includes('?') || body.includes('?') ? ['the confirmation has a question mark: confirm the removal, do not ask anything'] : []),
    ...(LINK.test(`${subject} ${body}`) ? ['the confirmation has a link: remove it, a confirmation needs nothing clicked'] : []),
    ...(words > MAX_CONFIRMATION_WORDS ? [`the confirmation body is ${words} words: keep it to ${MAX_CONFIRMATION_WORDS} or fewer`] : []),
  ];
}

export function removalCuesIn(text: string): string[] {
  const lower = text.toLowerCase();
  return REMOVAL_CUES.filter((cue) => lower.includes(cue));
}

/** Someone who asked to be removed is removed from everything, not just this sequence. */
export function scopeProblems(answer: OptOutConfirmation, input: OptOutInput): string[] {
  const cues = removalCuesIn(`${input.reply.subject ?? ''} ${input.reply.text}`);
  if (answer.scope === 'all_outreach' || cues.length === 0) return [];
  return [`the reply asks to stop all contact ("${cues[0] ?? ''}"), so scope must be all_outreach, not this_sequence`];
}
