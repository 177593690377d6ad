import { defineAgent } from '../runtime/define-agent.js';
import { trendProblems } from './hiring-rules.js';
import { HiringResearchInputSchema, HiringResearchSchema } from './hiring-schemas.js';
import { simulateHiringResearch } from './simulate-hiring-research.js';

/**
 * A branch of the account-research fan-out: open roles, hiring velocity, what the hiring says
 * about the organisation, and the leaders named along the way. Extraction: balanced tier.
 */
export const hiringResearch = defineAgent({
  name: 'hiring-research',
  description:
    'Researches an account\'s hiring: open roles (title, department, seniority, location), hiring velocity over the last 90 days and its trend, organisation signals such as a first RevOps hire, and named leaders, each with sources.',
  input: HiringResearchInputSchema,
  output: HiringResearchSchema,
  tier: 'balanced',
  prompt: 'hiring-research.md',
  timeoutMs: 60_000,
  maxOutputTokens: 4096,
  webSearch: { maxUses: 3 },
  reads: ['account'],
  checks: [
    {
      name: 'trend-matches-counts',
      description: 'An accelerating or slowing trend gives both 90-day counts, and they point the same way.',
      run: (answer) => trendProblems(answer.velocity),
    },
  ],
  simulate: simulateHiringResearch,
});
