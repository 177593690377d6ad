import { planAlerts } from './alert-plan.js';
import type { DealRiskSummariserInput, RiskSummariesAnswer } from './deal-risk-summariser-schemas.js';

/** One summary per rep with flagged deals and one roll-up per planned audience; nobody else. */
export function audienceCoverageProblems(answer: RiskSummariesAnswer, input: DealRiskSummariserInput): string[] {
  const plan = planAlerts(input);
  return [
    ...coverage('repSummaries', answer.repSummaries.map((summary) => summary.repId), plan.reps.map((rep) => [rep.repId, rep.repName] as const), 'repId'),
    ...coverage('managerRollups', answer.managerRollups.map((rollup) => rollup.audience), plan.rollups.map((rollup) => [rollup.audience, rollup.managerName ?? 'the roll-up channel'] as const), 'audience'),
  ];
}

function coverage(field: string, given: readonly string[], wanted: readonly (readonly [string, string])[], key: string): string[] {
  const names = new Map(wanted);
  const seen = new Set<string>();
  const problems: string[] = [];
  given.forEach((id, index) => {
    if (!names.has(id)) problems.push(`${field}[${index}].${key} "${id}" gets no alert: use one of ${[...names.keys()].map((name) => `"${name}"`).join(', ') || 'none'}`);
    else if (seen.has(id)) problems.push(`${field}[${index}] is a second entry for "${id}": write one per ${key}`);
    seen.add(id);
  });
  for (const [id, name] of names) if (!seen.has(id)) problems.push(`${field} has no entry for ${name} (${key} "${id}"): add one`);
  return problems;
}

/** A rep's summary names each of the rep's flagged deals; a roll-up names every high-risk deal of the team. */
export function namedDealProblems(answer: RiskSummariesAnswer, input: DealRiskSummariserInput): string[] {
  const plan = planAlerts(input);
  const reps = new Map(plan.reps.map((rep) => [rep.repId, rep.flagged]));
  const teams = new Map(plan.rollups.map((rollup) => [rollup.audience, rollup.flagged.filter((deal) => deal.riskLevel === 'high')]));
  const unnamed = (field: string, index: number, body: string, deals: readonly { name: string }[] | undefined) =>
    (deals ?? []).filter((deal) => !body.includes(deal.name)).map((deal) => `${field}[${index}].body does not name "${deal.name}": name every deal exactly as in the CRM`);
  return [
    ...answer.repSummaries.flatMap((summary, index) => unnamed('repSummaries', index, summary.body, reps.get(summary.repId))),
    ...answer.managerRollups.flatMap((rollup, index) => unnamed('managerRollups', index, rollup.body, teams.get(rollup.audience))),
  ];
}
