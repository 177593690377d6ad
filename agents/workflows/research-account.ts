import { AccountRefSchema } from '../contracts/provenance.js';
import { z } from 'zod';
import { researchSources } from '../../src/contracts/source-findings.js';
import { defineWorkflow, effect, fanOut, step } from '../../src/engine/workflow/define-workflow.js';
import type { AgentCatalog } from '../agent-catalog.js';

/** Seed 000's parallel account research: four independent branches, then a merge that resolves conflicts and keeps provenance. */
export function researchAccountWorkflow(agents: AgentCatalog) {
  return defineWorkflow({
    name: 'research_account',
    version: '2',
    description:
      'Researches one company (funding, hiring, tech stack and buying signals in parallel, with web search when a real model is configured, plus what the CRM and other configured data sources already know) and returns an account brief: snapshot, signals with recency and strength, buying committee, problem hypothesis, sources and confidence. Use it before writing outreach. Read-only; branches that time out are listed as missing rather than failing the run. Needs no approval.',
    input: z.object({ account: AccountRefSchema }),
    root: fanOut('research', {
      branches: {
        funding: step(agents.get('funding-research')),
        hiring: step(agents.get('hiring-research')),
        techStack: step(agents.get('tech-stack-research')),
        signals: step(agents.get('signal-research')),
        sources: effect('sources', researchSources),
      },
      merge: agents.get('research-merge'),
      branchTimeoutMs: 60_000,
    }),
  });
}
