import type { DealContact, DealReview, OpenDeal } from '../../src/contracts/open-pipeline.js';
import { daysBetween } from './deal-dates.js';
import type { DealIssue, RiskLevel, RuleIssue } from './deal-inspector-schemas.js';

export type StakeholderRole = 'economic_buyer' | 'champion' | 'technical_buyer' | 'user';

/** From Proposal (50%) on, someone who owns the budget must be in the deal. */
export const ECONOMIC_BUYER_FROM_PROBABILITY = 50;
/** From Discovery (20%) on, someone must be pushing for it inside the account. */
export const CHAMPION_FROM_PROBABILITY = 20;

const TECHNICAL = /\b(it|information technology|engineering|security|infrastructure|cio|cto|ciso)\b/i;
const EXECUTIVE = /\b(chief|ceo|cfo|cro|coo|president|vp|svp|evp|vice president|founder)\b/i;
const MANAGER = /\b(director|head|manager|lead)\b/i;

/**
 * A contact's buying role read from the title, as the sample book and most CRMs without contact
 * roles allow: systems owners are technical buyers, executives economic buyers, and directors,
 * heads and managers the likely champions.
 */
export function stakeholderRole(contact: Pick<DealContact, 'title'>): StakeholderRole {
  const title = contact.title ?? '';
  if (TECHNICAL.test(title)) return 'technical_buyer';
  if (EXECUTIVE.test(title)) return 'economic_buyer';
  return MANAGER.test(title) ? 'champion' : 'user';
}

/** Every objective issue of one deal on the review's day: slipping, stalled, and missing stakeholders. */
export function ruleIssues(deal: OpenDeal, review: Pick<DealReview, 'asOf' | 'stalledAfterDays'>): RuleIssue[] {
  return [...closeDateIssues(deal, review.asOf), ...activityIssues(deal, review), ...stakeholderIssues(deal)];
}

function closeDateIssues(deal: OpenDeal, asOf: string): RuleIssue[] {
  if (deal.closeDate === null) return [{ basis: 'rule', kind: 'no_close_date', detail: 'The opportunity has no close date.' }];
  const overdue = daysBetween(deal.closeDate, asOf);
  if (overdue <= 0) return [];
  return [{ basis: 'rule', kind: 'close_date_passed', detail: `Close date ${deal.closeDate} passed ${overdue} day${overdue === 1 ? '' : 's'} ago and the deal is still open.` }];
}

function activityIssues(deal: OpenDeal, review: Pick<DealReview, 'asOf' | 'stalledAfterDays'>): RuleIssue[] {
  if (deal.lastActivityDate === null) return [{ basis: 'rule', kind: 'stalled', detail: 'No activity has ever been logged on the opportunity.' }];
  const idle = daysBetween(deal.lastActivityDate, review.asOf);
  if (idle < review.stalledAfterDays) return [];
  return [{ basis: 'rule', kind: 'stalled', detail: `No activity for ${idle} days (last on ${deal.lastActivityDate}; the limit is ${review.stalledAfterDays}).` }];
}

function stakeholderIssues(deal: OpenDeal): RuleIssue[] {
  if (deal.contacts.length === 0) return [{ basis: 'rule', kind: 'no_contacts', detail: `${deal.account.name} has no contacts in the CRM, so nobody on the buying side is known.` }];
  const roles = new Set(deal.contacts.map(stakeholderRole));
  const probability = deal.probability ?? 0;
  const issues: RuleIssue[] = [];
  if (probability >= ECONOMIC_BUYER_FROM_PROBABILITY && !roles.has('economic_buyer')) {
    issues.push({ basis: 'rule', kind: 'missing_economic_buyer', detail: `At ${deal.stage} no contact is an executive who owns the budget (${titlesOf(deal.contacts)}).` });
  }
  if (probability >= CHAMPION_FROM_PROBABILITY && !roles.has('champion')) {
    issues.push({ basis: 'rule', kind: 'missing_champion', detail: `At ${deal.stage} no director- or manager-level contact is championing the deal (${titlesOf(deal.contacts)}).` });
  }
  return issues;
}

function titlesOf(contacts: readonly DealContact[]): string {
  return `contacts: ${contacts.map((contact) => contact.title ?? 'no title').join(', ')}`;
}

/** High when the date already slipped or three things are wrong; medium for a stall or two issues. */
export function riskLevelOf(issues: readonly DealIssue[]): RiskLevel {
  const kinds = new Set(issues.map((issue) => issue.kind));
  if (kinds.has('close_date_passed') || issues.length >= 3) return 'high';
  return kinds.has('stalled') || issues.length >= 2 ? 'medium' : 'low';
}
