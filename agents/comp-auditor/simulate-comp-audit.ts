import { ruleFindingsByDeal } from './assemble-comp-audit.js';
import type { CompAuditAnswer, CompAuditorInput } from './comp-auditor-schemas.js';

/**
 * Offline stand-in for the comp auditor: high payout risk for a wrong deal type or two findings
 * (those change what is paid), low for one other finding, none for a clean deal.
 */
export function simulateCompAudit(input: CompAuditorInput): CompAuditAnswer {
  const rules = ruleFindingsByDeal(input);
  const audits = input.flaggedDeals.map((flagged): CompAuditAnswer['audits'][number] => {
    const findings = rules.get(flagged.opportunityId) ?? [];
    const kinds = new Set(findings.map((finding) => finding.kind));
    const payoutRisk: CompAuditAnswer['audits'][number]['payoutRisk'] = kinds.has('deal_type_mismatch') || findings.length >= 2 ? 'high' : findings.length === 1 ? 'low' : 'none';
    const note = findings.length === 0
      ? '[simulated] Nothing in the deal changes what would be paid.'
      : `[simulated] Fix before payouts are calculated: ${[...kinds].join(', ').replaceAll('_', ' ')}.`;
    return { opportunityId: flagged.opportunityId, payoutRisk, note, judgedFindings: [] };
  });
  return { audits, confidence: 0.75 };
}
