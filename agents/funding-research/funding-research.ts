import { defineAgent } from '../runtime/define-agent.js';
import { FundingAnswerSchema, FundingResearchInputSchema, FundingResearchSchema } from './funding-schemas.js';
import { simulateFundingResearch } from './simulate-funding-research.js';
import { noDataProblems, summarizeFunding } from './summarize-funding.js';

/**
 * A branch of the account-research fan-out: funding history, investors and a runway estimate
 * for one account, each round with its sources. Extraction, so the balanced tier. It reads only
 * the account, so it can run beside the other branches.
 */
export const fundingResearch = defineAgent({
  name: 'funding-research',
  description:
    'Researches an account\'s funding: rounds with date, amount in USD, stage and investors, each with sources; the latest round, the total raised and a runway estimate; says explicitly when no funding data exists (bootstrapped or unknown companies).',
  input: FundingResearchInputSchema,
  answer: FundingAnswerSchema,
  output: FundingResearchSchema,
  finalize: summarizeFunding,
  tier: 'balanced',
  prompt: 'funding-research.md',
  timeoutMs: 60_000,
  maxOutputTokens: 2048,
  webSearch: { maxUses: 4 },
  reads: ['account'],
  checks: [
    {
      name: 'no-data-is-explicit',
      description: 'noDataFound is true exactly when no funding round is listed.',
      run: (answer) => noDataProblems(answer),
    },
  ],
  simulate: simulateFundingResearch,
});
