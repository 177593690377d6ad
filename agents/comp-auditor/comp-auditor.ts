import { defineAgent } from '../runtime/define-agent.js';
import { assembleCompAudit, auditCoverageProblems, cleanVerdictProblems } from './assemble-comp-audit.js';
import { CompAuditAnswerSchema, CompAuditorInputSchema, CompAuditSchema } from './comp-auditor-schemas.js';
import { simulateCompAudit } from './simulate-comp-audit.js';

/**
 * The deal review's comp audit: checks that the flagged deals will not make payouts wrong.
 * Code finds what the comp plan's rules turn on (deal type against the account, the quarter the
 * booking lands in, weighted amount against the forecast, a missing amount); the model weighs
 * each deal's payout risk and writes the note for the deal desk. An audit, so the balanced tier.
 */
export const compAuditor = defineAgent({
  name: 'comp-auditor',
  description:
    'Audits every flagged deal for commission problems: Expansion booked on a prospect or New Business on a customer, a close that moves into another quarter, a CRM probability the forecast no longer supports, a missing amount; returns each deal\'s findings, payout risk (none, low, high) and a note for the deal desk.',
  input: CompAuditorInputSchema,
  answer: CompAuditAnswerSchema,
  output: CompAuditSchema,
  finalize: assembleCompAudit,
  tier: 'balanced',
  prompt: 'comp-auditor.md',
  timeoutMs: 90_000,
  maxOutputTokens: 4096,
  reads: ['review', 'deals', 'flaggedDeals', 'forecasts'],
  checks: [
    { name: 'one-audit-per-flagged-deal', description: 'Exactly one audit for every flagged deal and none for others.', run: auditCoverageProblems },
    { name: 'findings-are-not-clean', description: 'A deal with a rule finding is not given payout risk none.', run: cleanVerdictProblems },
  ],
  simulate: simulateCompAudit,
});
