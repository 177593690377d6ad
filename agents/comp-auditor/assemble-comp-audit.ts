import type { CompAudit, CompAuditAnswer, CompAuditorInput, DealCompAudit } from './comp-auditor-schemas.js';
import { compRuleFindings } from './comp-rules.js';

/** Each flagged deal's rule findings, keyed by deal id, from the deal and its forecast. */
export function ruleFindingsByDeal(input: CompAuditorInput): Map<string, ReturnType<typeof compRuleFindings>> {
  const deals = new Map(input.deals.map((deal) => [deal.id, deal]));
  const forecasts = new Map(input.forecasts.map((forecast) => [forecast.opportunityId, forecast]));
  const findings = new Map<string, ReturnType<typeof compRuleFindings>>();
  for (const flagged of input.flaggedDeals) {
    const deal = deals.get(flagged.opportunityId);
    findings.set(flagged.opportunityId, deal === undefined ? [] : compRuleFindings(deal, forecasts.get(flagged.opportunityId)));
  }
  return findings;
}

/** Code's findings and the model's verdict, per flagged deal, with provenance; the review is carried on. */
export function assembleCompAudit(answer: CompAuditAnswer, input: CompAuditorInput): CompAudit {
  const rules = ruleFindingsByDeal(input);
  const verdicts = new Map(answer.audits.map((audit) => [audit.opportunityId, audit]));
  const audits = input.flaggedDeals.map((flagged): DealCompAudit => {
    const verdict = verdicts.get(flagged.opportunityId);
    const findings = [...(rules.get(flagged.opportunityId) ?? []), ...(verdict?.judgedFindings ?? []).map((finding) => ({ basis: 'judgement' as const, ...finding }))];
    return {
      opportunityId: flagged.opportunityId,
      name: flagged.name,
      ownerId: flagged.ownerId,
      findings,
      payoutRisk: verdict?.payoutRisk ?? (findings.length > 0 ? 'low' : 'none'),
      note: verdict?.note ?? 'Not assessed.',
      source: { source: 'comp-auditor', observedAt: input.review.asOf, confidence: answer.confidence },
      confidence: answer.confidence,
    };
  });
  const compAudit = { audits, checkedDeals: audits.length, dealsWithFindings: audits.filter((audit) => audit.findings.length > 0).length };
  return { ...input, compAudit, confidence: answer.confidence };
}

/** One verdict per flagged deal, none for any other deal. */
export function auditCoverageProblems(answer: CompAuditAnswer, input: CompAuditorInput): string[] {
  const flagged = new Map(input.flaggedDeals.map((deal) => [deal.opportunityId, deal]));
  const seen = new Set<string>();
  const problems: string[] = [];
  answer.audits.forEach((audit, index) => {
    if (!flagged.has(audit.opportunityId)) problems.push(`audits[${index}].opportunityId "${audit.opportunityId}" is not a flagged deal: audit only the deals in flaggedDeals`);
    else if (seen.has(audit.opportunityId)) problems.push(`audits[${index}] audits ${audit.opportunityId} a second time: give each flagged deal one audit`);
    seen.add(audit.opportunityId);
  });
  for (const deal of flagged.values()) if (!seen.has(deal.opportunityId)) problems.push(`audits has no entry for the flagged deal "${deal.name}" (${deal.opportunityId}): add one`);
  return problems;
}

/** "No payout risk" cannot stand beside a finding the rules made. */
export function cleanVerdictProblems(answer: CompAuditAnswer, input: CompAuditorInput): string[] {
  const rules = ruleFindingsByDeal(input);
  return answer.audits.flatMap((audit, index) => {
    const kinds = (rules.get(audit.opportunityId) ?? []).map((finding) => finding.kind);
    if (audit.payoutRisk !== 'none' || kinds.length === 0) return [];
    return [`audits[${index}].payoutRisk is none, but the rules found ${kinds.join(', ')} on ${audit.opportunityId}: say low or high`];
  });
}
