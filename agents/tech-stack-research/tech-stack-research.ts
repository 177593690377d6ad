import { defineAgent } from '../runtime/define-agent.js';
import { changeProblems, duplicateToolProblems } from './tech-stack-rules.js';
import { TechStackResearchInputSchema, TechStackResearchSchema } from './tech-stack-schemas.js';
import { simulateTechStackResearch } from './simulate-tech-stack-research.js';

/**
 * A branch of the account-research fan-out: the go-to-market and data stack by category, what
 * changed recently and where the tools meet. Extraction: balanced tier.
 */
export const techStackResearch = defineAgent({
  name: 'tech-stack-research',
  description:
    'Researches an account\'s technology: current stack by category (CRM, marketing automation, sales engagement, data warehouse, …) with the evidence for each, recent additions and removals with dates, and integration points, each with sources.',
  input: TechStackResearchInputSchema,
  output: TechStackResearchSchema,
  tier: 'balanced',
  prompt: 'tech-stack-research.md',
  timeoutMs: 60_000,
  maxOutputTokens: 4096,
  webSearch: { maxUses: 3 },
  reads: ['account'],
  checks: [
    {
      name: 'one-entry-per-tool',
      description: 'The stack lists each vendor at most once per category.',
      run: (answer) => duplicateToolProblems(answer),
    },
    {
      name: 'changes-agree-with-stack',
      description: 'A tool whose latest change is a removal is not in the stack; one whose latest change is an addition is.',
      run: (answer) => changeProblems(answer),
    },
  ],
  simulate: simulateTechStackResearch,
});
