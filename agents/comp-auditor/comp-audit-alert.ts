import type { Alert } from '../../src/contracts/alert-request.js';
import { fitBody } from '../deal-risk-summariser/fit-body.js';
import type { CompAudit } from './comp-auditor-schemas.js';

/**
 * The deal desk's alert, written by code from the audit: the auditor already wrote a note per
 * deal, so there is nothing left to compose. None when no deal was flagged (nothing was audited).
 */
export function compAuditAlert(input: Pick<CompAudit, 'review' | 'deals' | 'compAudit'>): Alert[] {
  const { audits, checkedDeals, dealsWithFindings } = input.compAudit;
  if (checkedDeals === 0) return [];
  const owners = new Map(input.deals.map((deal) => [deal.owner.id, deal.owner.name]));
  const withFindings = audits.filter((audit) => audit.findings.length > 0 || audit.payoutRisk !== 'none');
  const lines = withFindings.map((audit) => `- *${audit.name}* (${owners.get(audit.ownerId) ?? audit.ownerId}), payout risk ${audit.payoutRisk}: ${audit.note}`);
  const header = `Comp audit of ${checkedDeals} flagged deal${checkedDeals === 1 ? '' : 's'} on ${input.review.asOf}: ${dealsWithFindings} with findings.`;
  return [{
    kind: 'comp_audit',
    audience: { kind: 'channel', channel: input.review.compAuditChannel },
    severity: audits.some((audit) => audit.payoutRisk === 'high') ? 'warning' : 'info',
    title: `Comp audit ${input.review.asOf}: ${dealsWithFindings} of ${checkedDeals} flagged deals need a look`,
    body: fitBody(header, lines, "in the run's comp audit"),
    records: withFindings.slice(0, 50).map((audit) => ({ type: 'Opportunity', id: audit.opportunityId })),
  }];
}
