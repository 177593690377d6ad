import { EmailSequenceSchema } from '../contracts/email-sequence.js';
import type { EmailRules } from '../email-qa/email-rules.js';
import { defineAgent } from '../runtime/define-agent.js';
import { EmailWriterInputSchema } from './email-writer-schemas.js';
import { keepPassingEmails, rewriteScopeProblems } from './rewrite-scope.js';
import { createEmailSequenceSimulator } from './simulate-email-sequence.js';
import { signalProblems } from './strongest-signal.js';

/**
 * The producer of the cold-sequence loop: three emails built on the brief's strongest signal.
 * With the critic's report it rewrites only the failing emails. Writing is the deep tier's job.
 * The house rules are the critic's (prompts/rules/); the simulator reads them to stay within them.
 */
export function createEmailWriterAgent(rules: EmailRules) {
  return defineAgent({
    name: 'email-writer',
    description:
      'Writes a 3-email cold sequence from an account brief, built on its strongest signal; given an email QA report and the sequence it judged, rewrites only the failing emails.',
    input: EmailWriterInputSchema,
    output: EmailSequenceSchema,
    finalize: keepPassingEmails,
    tier: 'deep',
    prompt: 'email-writer.md',
    timeoutMs: 90_000,
    maxOutputTokens: 2048,
    reads: ['brief', 'feedback', 'previous'],
    checks: [
      {
        name: 'signal-from-brief',
        description: "The signal's keywords are the brief's strongest signal's, so QA looks for real words in email 1.",
        run: (answer, input) => signalProblems(answer, input.brief),
      },
      {
        name: 'rewrite-only-failing-emails',
        description: 'In a rewrite, emails that passed QA come back unchanged and every failing email changes.',
        run: rewriteScopeProblems,
      },
    ],
    simulate: createEmailSequenceSimulator(rules),
  });
}
