import { defineAgent } from '../runtime/define-agent.js';
import { EmailJudgementSchema, EmailQaInputSchema, EmailQaReportSchema } from './email-qa-schemas.js';
import type { EmailRules } from './email-rules.js';
import { mergeEmailVerdicts } from './merge-email-verdicts.js';
import { simulateEmailJudgement } from './simulate-email-judgement.js';

/**
 * The critic of the cold-sequence loop. Objective rules (length, banned phrases, dashes,
 * subject lines, signal presence) are code; the model only judges what needs reading (a
 * pitch, the number of asks). Its failures name the email, the rule and the fix.
 */
export function createEmailQaAgent(rules: EmailRules) {
  return defineAgent({
    name: 'email-qa',
    description:
      'Checks a cold email sequence against the house rules (word limit, banned phrases, em-dashes, subject lines, signal presence, no pitch, one ask) and returns pass/fail with one specific fix per failure.',
    input: EmailQaInputSchema,
    answer: EmailJudgementSchema,
    output: EmailQaReportSchema,
    finalize: (judgement, input) => mergeEmailVerdicts(judgement, input, rules),
    tier: 'balanced',
    prompt: 'email-qa.md',
    timeoutMs: 45_000,
    maxOutputTokens: 1024,
    reads: ['emails', 'signal'],
    checks: [
      {
        name: 'one-judgement-per-email',
        description: 'The model judges every email exactly once.',
        run: (judgement, input) => {
          const numbers = judgement.emails.map((email) => email.email);
          return input.emails.flatMap((_draft, index) => {
            const count = numbers.filter((number) => number === index + 1).length;
            return count === 1 ? [] : [`emails must contain exactly one judgement for email ${index + 1}; found ${count}`];
          });
        },
      },
    ],
    simulate: simulateEmailJudgement,
  });
}
