import { defineAgent } from '../runtime/define-agent.js';
import { finalizeRouting } from './finalize-routing.js';
import { RepRouterInputSchema, RoutingAnswerSchema, RoutingSchema } from './router-schemas.js';
import { reasonProblems, ruleProblems } from './routing-checks.js';
import { simulateRepRouting } from './simulate-rep-routing.js';

/**
 * Routes an enriched lead to the best-fit rep. The rule is objective (territory and segment,
 * then the lowest load), so code applies it and holds the answer to it; the model explains the
 * choice for the rep. Routing, so the fast tier. Its `proposal` is the CRM change a `crmRecord`
 * step writes under governance, as `rep-router`.
 */
export const repRouter = defineAgent({
  name: 'rep-router',
  description:
    "Routes an enriched lead to the rep who covers its territory and segment with the lowest load (then territory only, segment only, lowest load overall), explains the choice, and proposes the CRM change: the lead's owner plus the enriched facts the record lacks.",
  input: RepRouterInputSchema,
  answer: RoutingAnswerSchema,
  output: RoutingSchema,
  finalize: finalizeRouting,
  tier: 'fast',
  prompt: 'rep-router.md',
  timeoutMs: 20_000,
  maxOutputTokens: 512,
  reads: ['lead', 'enrichment', 'roster'],
  checks: [
    { name: 'follows-the-routing-rule', description: 'The rep is the one the territory, segment and load rule picks.', run: ruleProblems },
    { name: 'reason-names-the-rep', description: 'The reason names the chosen rep.', run: reasonProblems },
  ],
  simulate: simulateRepRouting,
});
