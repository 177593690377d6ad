import { runDeterministicRules, type RuleOutcome } from './deterministic-rules.js';
import type { EmailJudgement, EmailQaFailure, EmailQaInput, EmailQaReport } from './email-qa-schemas.js';
import type { EmailRules } from './email-rules.js';

/** The QA report: code's verdicts and the model's, each failure a specific instruction for the writer. */
export function mergeEmailVerdicts(judgement: EmailJudgement, input: EmailQaInput, rules: EmailRules): EmailQaReport {
  const coded = runDeterministicRules(input, rules);
  const judged = judgedOutcomes(judgement);
  const failures = [...coded, ...judged].flatMap((outcome) => outcome.failures).sort((left, right) => left.email - right.email);
  return {
    pass: failures.length === 0,
    failures,
    rules: [
      ...coded.map((outcome) => ({ rule: outcome.rule, checkedBy: 'code' as const, passed: outcome.failures.length === 0 })),
      ...judged.map((outcome) => ({ rule: outcome.rule, checkedBy: 'model' as const, passed: outcome.failures.length === 0 })),
    ],
    failingEmails: [...new Set(failures.map((failure) => failure.email))],
    confidence: judgement.confidence,
  };
}

function judgedOutcomes(judgement: EmailJudgement): RuleOutcome[] {
  const pitch: EmailQaFailure[] = judgement.emails
    .filter((email) => email.pitchesProduct)
    .map((email) => ({ email: email.email, rule: 'no-pitch', message: `Email ${email.email} pitches the product (${email.evidence}): talk about their problem and the signal instead.` }));
  const asks: EmailQaFailure[] = judgement.emails
    .filter((email) => email.askCount !== 1)
    .map((email) => ({
      email: email.email,
      rule: 'single-ask',
      message: email.askCount === 0 ? `Email ${email.email} has no ask: end with one clear, low-friction question.` : `Email ${email.email} has ${email.askCount} asks: keep exactly one.`,
    }));
  return [
    { rule: 'no-pitch', failures: pitch },
    { rule: 'single-ask', failures: asks },
  ];
}
