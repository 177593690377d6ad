import type { EmailSequence, SequenceEmail } from '../contracts/email-sequence.js';
import { runDeterministicRules } from '../email-qa/deterministic-rules.js';
import type { EmailRules } from '../email-qa/email-rules.js';
import type { EmailWriterInput } from './email-writer-schemas.js';
import { draftCandidates, draftFacts, type DraftFacts, type SequencePosition } from './simulated-email-drafts.js';
import { signalToLeanOn, strongestSignal, type SequenceSignal } from './strongest-signal.js';

const POSITIONS: readonly SequencePosition[] = [1, 2, 3];

interface Draft {
  readonly input: EmailWriterInput;
  readonly facts: DraftFacts;
  readonly lean: SequenceSignal;
  readonly rules: EmailRules;
}

/**
 * Offline mode's writer: templated emails built from the brief's strongest signal, each chosen
 * because it passes the critic's own code rules. Given QA feedback it replaces exactly the failing
 * emails and keeps the rest. `[simulated]` is in the signal summary, never in an email, so the
 * bodies still pass QA.
 */
export function createEmailSequenceSimulator(rules: EmailRules): (input: EmailWriterInput) => EmailSequence {
  return (input) => {
    const lean = signalToLeanOn(input.brief);
    const draft: Draft = { input, facts: draftFacts(input.brief, lean), lean, rules };
    const chosen = POSITIONS.map((position) => chooseEmail(position, draft));
    const compliant = chosen.every((choice) => choice.compliant);
    const base = strongestSignal(input.brief) === undefined ? 0.35 : Math.min(0.7, input.brief.confidence);
    return {
      emails: chosen.map((choice) => choice.email),
      signal: { summary: `[simulated] ${lean.summary}`.slice(0, 300), keywords: lean.keywords },
      confidence: compliant ? base : 0.3,
    };
  };
}

function chooseEmail(position: SequencePosition, draft: Draft): { email: SequenceEmail; compliant: boolean } {
  const { feedback, previous } = draft.input;
  const before = previous?.emails[position - 1];
  if (feedback !== undefined && before !== undefined && !feedback.failingEmails.includes(position)) {
    return { email: before, compliant: true };
  }
  const candidates = draftCandidates(position, draft.facts).filter((email) => before === undefined || !sameEmail(email, before));
  const clean = candidates.find((email) => passesCodeRules(email, position, draft));
  const fallback = candidates[0] ?? { subject: 'A thought', body: 'Worth a reply?' };
  return clean === undefined ? { email: fallback, compliant: false } : { email: clean, compliant: true };
}

/**
 * The critic's code rules on one email. Alone in its list it is "email 1", so the signal rule is
 * pointed at it only when this position is the one that must name the signal (and otherwise at
 * an email 2 that does not exist, which the rule skips).
 */
function passesCodeRules(email: SequenceEmail, position: SequencePosition, draft: Draft): boolean {
  const signalRequiredInEmail = position === draft.rules.limits.signalRequiredInEmail ? 1 : 2;
  const rules = { ...draft.rules, limits: { ...draft.rules.limits, signalRequiredInEmail } };
  const failures = runDeterministicRules({ emails: [email], signal: draft.lean }, rules).flatMap((outcome) => outcome.failures);
  return failures.length === 0 && (email.body.match(/\?/g) ?? []).length === 1;
}

function sameEmail(left: SequenceEmail, right: SequenceEmail): boolean {
  return left.subject.trim() === right.subject.trim() && left.body.trim() === right.body.trim();
}
