import { chooseRep, describeDecision } from './routing-rule.js';
import type { RepRouterInput, RoutingAnswer } from './router-schemas.js';

/** The rep is the rule's: territory and segment, then load. The model explains; it does not overrule. */
export function ruleProblems(answer: RoutingAnswer, input: RepRouterInput): string[] {
  const decision = chooseRep(input.roster, input.enrichment);
  if (decision === undefined) return answer.userId === null ? [] : [`userId is ${answer.userId}, but the roster has no reps: answer userId null and say so in the reason`];
  if (answer.userId === decision.rep.userId) return [];
  return [`userId is ${answer.userId ?? 'null'}, but the routing rule picks ${decision.rep.userId}: ${describeDecision(decision)}. Use ${decision.rep.userId}`];
}

/** The reason is for the rep reading the alert: it names them and the basis. */
export function reasonProblems(answer: RoutingAnswer, input: RepRouterInput): string[] {
  const decision = chooseRep(input.roster, input.enrichment);
  if (decision === undefined) return [];
  const firstName = decision.rep.name.split(/\s+/)[0] ?? decision.rep.name;
  return answer.reason.toLowerCase().includes(firstName.toLowerCase()) ? [] : [`reason does not name ${decision.rep.name}: say in one sentence why ${decision.rep.name} gets the lead (territory, segment, load)`];
}
