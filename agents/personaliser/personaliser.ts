import { defineAgent } from '../runtime/define-agent.js';
import { signalProblems, tokenValueProblems, unknownTokenProblems } from './personalisation-tokens.js';
import { PersonalisationSchema, PersonaliserInputSchema } from './personaliser-schemas.js';
import { simulatePersonalisation } from './simulate-personalisation.js';

/**
 * The pipeline's personalisation step: one templated sequence plus the token values for each
 * contact, so the sequence QA passed is the one every contact gets. Extraction, so balanced.
 */
export const personaliser = defineAgent({
  name: 'personaliser',
  description:
    'Turns a 3-email sequence into a template with {{first_name}}, {{company}} and similar tokens, and gives every contact (1 to 20) a value for each token used.',
  input: PersonaliserInputSchema,
  output: PersonalisationSchema,
  tier: 'balanced',
  prompt: 'personaliser.md',
  timeoutMs: 60_000,
  maxOutputTokens: 4096,
  reads: ['sequence', 'contacts'],
  checks: [
    {
      name: 'known-tokens-only',
      description: 'The sequence uses only {{first_name}}, {{last_name}}, {{full_name}}, {{title}} and {{company}}, with no stray braces.',
      run: unknownTokenProblems,
    },
    {
      name: 'every-token-has-a-value',
      description: 'Every contact has exactly one entry, with a value for every token the sequence uses.',
      run: tokenValueProblems,
    },
    {
      name: 'signal-unchanged',
      description: 'The sequence keeps the signal the QA critic checks it against.',
      run: signalProblems,
    },
  ],
  simulate: simulatePersonalisation,
});
