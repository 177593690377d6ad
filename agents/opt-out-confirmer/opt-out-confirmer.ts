import { defineAgent } from '../runtime/define-agent.js';
import { confirmationProblems, MAX_CONFIRMATION_WORDS, scopeProblems } from './confirmation-rules.js';
import { passContact } from '../contracts/contact-ref.js';
import { OptOutConfirmationSchema, OptOutInputSchema, OptOutOutcomeSchema } from './opt-out-schemas.js';
import { simulateOptOutConfirmation } from './simulate-opt-out-confirmation.js';

/**
 * The specialist for opt-outs: a short confirmation with nothing to answer or click, and the
 * scope of the removal. Stopping the sequence and updating the CRM are the workflow's job.
 */
export const optOutConfirmer = defineAgent({
  name: 'opt-out-confirmer',
  description:
    'Drafts a short confirmation for a reply that opts out (no question, no link, no selling) and says whether to stop this sequence or all outreach to the person.',
  input: OptOutInputSchema,
  answer: OptOutConfirmationSchema,
  output: OptOutOutcomeSchema,
  finalize: passContact,
  tier: 'fast',
  prompt: 'opt-out-confirmer.md',
  timeoutMs: 20_000,
  maxOutputTokens: 512,
  reads: ['reply', 'contact'],
  checks: [
    {
      name: 'confirms-only',
      description: `The confirmation has no question mark, no link and ${MAX_CONFIRMATION_WORDS} words or fewer.`,
      run: confirmationProblems,
    },
    {
      name: 'honours-removal',
      description: 'A reply that asks to stop contact is removed from all outreach.',
      run: scopeProblems,
    },
  ],
  simulate: simulateOptOutConfirmation,
});
