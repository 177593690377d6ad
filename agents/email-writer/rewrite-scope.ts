import type { EmailSequence, SequenceEmail } from '../contracts/email-sequence.js';
import type { EmailWriterInput } from './email-writer-schemas.js';

/**
 * In a rewrite, the emails QA passed must come back unchanged and the ones it failed must
 * change. Compared after normalising Unicode and whitespace: a model that only reflowed a line
 * is not charged a repair call for it (finalize restores the exact bytes anyway).
 */
export function rewriteScopeProblems(answer: EmailSequence, input: EmailWriterInput): string[] {
  const { feedback, previous } = input;
  if (feedback === undefined || previous === undefined) return [];
  return previous.emails.flatMap((before, index) => {
    const number = index + 1;
    const after = answer.emails[index];
    if (after === undefined) return [];
    const unchanged = sameContent(before, after);
    if (!feedback.failingEmails.includes(number)) {
      return unchanged ? [] : [`email ${number} passed QA and must be returned unchanged: copy its subject and body exactly from previous.emails[${index}]`];
    }
    if (!unchanged) return [];
    const reasons = feedback.failures.filter((failure) => failure.email === number).map((failure) => failure.message);
    return [`email ${number} failed QA and came back unchanged: rewrite it to fix ${reasons.length > 0 ? reasons.join(' ') : 'the QA failures'}`];
  });
}

/**
 * Why both a check and this copy: the check tells the model (and the logs, as a repair call)
 * that it drifted, so a prompt that keeps drifting gets noticed and fixed. This copy makes the
 * loop's contract hold by construction: the emails QA passed are taken byte for byte from
 * `previous`, whatever whitespace or Unicode drift the check tolerated, and even if a later edit
 * loosens the check. Only the failing emails are ever taken from the model.
 */
export function keepPassingEmails(answer: EmailSequence, input: EmailWriterInput): EmailSequence {
  const { feedback, previous } = input;
  if (feedback === undefined || previous === undefined) return answer;
  return {
    ...answer,
    emails: answer.emails.map((email, index) => (feedback.failingEmails.includes(index + 1) ? email : (previous.emails[index] ?? email))),
  };
}

function sameContent(left: SequenceEmail, right: SequenceEmail): boolean {
  return normalise(left.subject) === normalise(right.subject) && normalise(left.body) === normalise(right.body);
}

function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
