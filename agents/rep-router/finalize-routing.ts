import { chooseRep, TIER_CONFIDENCE } from './routing-rule.js';
import { ownerProposal } from './owner-proposal.js';
import type { RepRouterInput, Routing, RoutingAnswer } from './router-schemas.js';

/**
 * The assignment as code decides it (the checks have already held the model to the rule), with
 * the model's reason, a confidence no higher than the match allows, and the change recording it.
 */
export function finalizeRouting(answer: RoutingAnswer, input: RepRouterInput): Routing {
  const decision = chooseRep(input.roster, input.enrichment);
  if (decision === undefined) return { assignment: null, proposal: null, unassignedReason: answer.reason, confidence: answer.confidence };
  const { rep, tier } = decision;
  const confidence = Math.min(answer.confidence, TIER_CONFIDENCE[tier]);
  return {
    assignment: {
      userId: rep.userId,
      name: rep.name,
      segment: rep.segment,
      territory: rep.territory,
      load: rep.load,
      openLeads: rep.openLeads,
      openOpportunities: rep.openOpportunities,
      matchedOn: tier,
      leadSegment: decision.leadSegment ?? null,
      leadTerritories: [...decision.leadTerritories],
      tiedWith: decision.tiedWith.map((other) => ({ userId: other.userId, name: other.name })),
      reason: answer.reason,
      source: { source: input.roster.source, observedAt: input.roster.readAt, confidence: 1 },
      confidence,
    },
    proposal: ownerProposal(input.lead, input.enrichment, rep.userId, confidence),
    confidence,
  };
}
