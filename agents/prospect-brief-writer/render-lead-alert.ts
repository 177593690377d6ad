import type { Alert } from '../../src/contracts/alert-request.js';
import { countryByCode } from '../lead-enricher/geography.js';
import { leadName } from '../lead-enricher/lead-schemas.js';
import { formatUsd } from '../lead-scorer/icp-rubric.js';
import type { LeadScore } from '../lead-scorer/score-schemas.js';
import type { ProspectBrief, ProspectBriefInput } from './brief-schemas.js';

/** Where a lead nobody could be assigned goes, for a person to assign. */
export const UNASSIGNED_CHANNEL = 'lead-routing';

const DIMENSION_LABELS: Readonly<Record<string, string>> = { industry: 'Industry', company_size: 'Size', annual_revenue: 'Revenue', geography: 'Geography' };

/**
 * The brief as the alert a rep receives: the model's prose around facts rendered by code (scores,
 * firmographics, stack, routing, the CRM change), so no number in it is retyped by a model.
 */
export function renderLeadAlert(brief: ProspectBrief, input: ProspectBriefInput): Alert {
  const { lead } = input;
  const owner = input.branches.owner;
  const assignment = owner?.assignment ?? null;
  const title = `New lead: ${leadName(lead)}${lead.title === undefined ? '' : `, ${lead.title}`} at ${lead.company}`;
  const body = [
    `*${brief.headline}*`,
    brief.summary,
    scoreLines(input.branches.score, missingReason(input, 'score')),
    companyLine(input),
    ['*Talking points*', ...brief.talkingPoints.map((point) => `• ${point}`)].join('\n'),
    `*Next step:* ${brief.nextStep}`,
    routingLine(input),
  ].filter((part) => part !== '').join('\n\n');
  return {
    kind: 'new_lead',
    audience: assignment === null ? { kind: 'channel', channel: UNASSIGNED_CHANNEL } : { kind: 'user', userId: assignment.userId, name: assignment.name },
    severity: assignment === null || !ownerWritten(input) ? 'warning' : 'info',
    title: title.length > 150 ? `${title.slice(0, 149)}…` : title,
    body: body.length > 3_000 ? `${body.slice(0, 2_999)}…` : body,
    records: [{ type: 'Lead', id: lead.id }],
  };
}

function scoreLines(score: LeadScore | undefined, missing: string | undefined): string {
  if (score === undefined) return `*Score:* unavailable${missing === undefined ? '' : ` (${missing})`}`;
  const dimensions = score.dimensions.map((entry) => `${DIMENSION_LABELS[entry.dimension] ?? entry.dimension} ${entry.points}/25 (${entry.evidence})`);
  return [
    `*Fit* ${score.fitGrade} (${score.fitScore}/100) · *Intent* ${score.intentLevel} (${score.intent.score}/100) · *Priority* ${score.priority}`,
    dimensions.join(' · '),
    score.intent.signals.length === 0 ? '' : `Intent signals: ${score.intent.signals.join('; ')}`,
  ].filter((line) => line !== '').join('\n');
}

function companyLine(input: ProspectBriefInput): string {
  const facts = input.enrichment.firmographics;
  const country = facts.country === undefined ? undefined : countryByCode(facts.country.value)?.name ?? facts.country.value;
  const place = [facts.city?.value, facts.state?.value, country].filter((part) => part !== undefined).join(', ');
  const parts = [
    facts.industry?.value,
    facts.employeeCount === undefined ? 'employees unknown' : `${facts.employeeCount.value.toLocaleString('en-US')} employees`,
    facts.annualRevenueUsd === undefined ? undefined : `${formatUsd(facts.annualRevenueUsd.value)} revenue`,
    place === '' ? undefined : place,
  ].filter((part) => part !== undefined);
  const stack = input.enrichment.technographics.map((technology) => technology.product);
  return [`*Company:* ${parts.join(' · ')}`, stack.length === 0 ? '' : `*Stack:* ${stack.join(', ')}`].filter((line) => line !== '').join('\n');
}

function routingLine(input: ProspectBriefInput): string {
  const owner = input.branches.owner;
  if (owner === undefined) return `*Routing:* not done (${missingReason(input, 'owner') ?? 'the owner step did not finish'}); assign this lead by hand.`;
  if (owner.assignment === null) return `*Routing:* unassigned. ${owner.unassignedReason ?? 'No rep could be chosen.'}`;
  const write = owner.crmWrites[0];
  const crm = write === undefined ? 'no CRM change was proposed' : `CRM change set ${write.changeSetId} ${write.status} (${write.changes.map((change) => change.field).join(', ')})`;
  return `*Routing:* ${owner.assignment.reason.replace(/^\[simulated\]\s*/, '')}\n*CRM:* ${crm}`;
}

function ownerWritten(input: ProspectBriefInput): boolean {
  return input.branches.owner?.crmWrites.some((write) => write.status === 'applied') ?? false;
}

function missingReason(input: ProspectBriefInput, branch: string): string | undefined {
  return input.missing.find((entry) => entry.branch === branch)?.reason;
}
