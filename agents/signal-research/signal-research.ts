import { defineAgent } from '../runtime/define-agent.js';
import { duplicateSignalProblems } from './duplicate-signals.js';
import { SignalResearchInputSchema, SignalResearchSchema } from './signal-schemas.js';
import { simulateSignalResearch } from './simulate-signal-research.js';

/**
 * A branch of the account-research fan-out: the account's active buying signals (funding,
 * hiring, leadership changes, launches, news) in the brief's own Signal contract, each with
 * recency, strength and sources. Extraction: balanced tier.
 */
export const signalResearch = defineAgent({
  name: 'signal-research',
  description:
    'Researches an account\'s active buying signals from news, posts and reviews: each with kind, summary, keywords, recency in days, strength and sources, in the account brief\'s Signal format.',
  input: SignalResearchInputSchema,
  output: SignalResearchSchema,
  tier: 'balanced',
  prompt: 'signal-research.md',
  timeoutMs: 60_000,
  maxOutputTokens: 3072,
  webSearch: { maxUses: 5 },
  reads: ['account'],
  checks: [
    {
      name: 'signals-distinct',
      description: 'No two signals have the same kind and summary.',
      run: (answer) => duplicateSignalProblems(answer.signals),
    },
  ],
  simulate: simulateSignalResearch,
});
