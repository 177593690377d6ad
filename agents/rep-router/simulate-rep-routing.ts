import { chooseRep, describeDecision, TIER_CONFIDENCE } from './routing-rule.js';
import type { RepRouterInput, RoutingAnswer } from './router-schemas.js';

/** Offline mode's router: the rule's choice, explained from the rule. */
export function simulateRepRouting(input: RepRouterInput): RoutingAnswer {
  const decision = chooseRep(input.roster, input.enrichment);
  if (decision === undefined) return { userId: null, reason: '[simulated] the roster has no reps with a segment and a territory, so a person must assign this lead', confidence: 0.9 };
  return { userId: decision.rep.userId, reason: `[simulated] ${describeDecision(decision)}`.slice(0, 400), confidence: TIER_CONFIDENCE[decision.tier] };
}
