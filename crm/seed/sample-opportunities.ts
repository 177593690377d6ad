import type { NewCrmRecord } from '../embedded/index.js';
import { accountId, accountOwner, SAMPLE_ACCOUNTS } from './sample-accounts.js';
import { dateFrom, sampleId } from './sample-ids.js';

/** [account index, what is sold, stage, amount, close date in days from today, last activity days ago, next step] */
type OpportunityRow = readonly [number, string, string, number, number, number, string];

const PROBABILITY: Readonly<Record<string, number>> = { Prospecting: 10, Discovery: 20, Proposal: 50, Negotiation: 75 };

/**
 * Open pipeline across the four open stages. Some are slipping (close date already passed) and
 * some stalled (no activity for six weeks or more), so forecasting and hygiene agents have work.
 */
export const SAMPLE_OPPORTUNITIES: readonly OpportunityRow[] = [
  [0, 'Fleet Platform', 'Negotiation', 420_000, 12, 2, 'Redlines back from procurement'],
  [1, 'Patient Outreach Suite', 'Proposal', 260_000, 35, 6, 'Present proposal to CFO'],
  [2, 'Sales Engagement Seats', 'Discovery', 48_000, 60, 9, 'Second discovery call with RevOps'],
  [3, 'Agent Productivity Expansion', 'Proposal', 95_000, -9, 21, 'Chase signature on order form'],
  [4, 'Starter Plan', 'Prospecting', 12_000, 75, 4, 'Book intro meeting'],
  [6, 'Store Operations Rollout', 'Discovery', 380_000, 90, 52, 'Re-engage champion after reorg'],
  [8, 'Member Engagement', 'Negotiation', 64_000, -4, 3, 'Legal review of DPA'],
  [10, 'Field Sales Analytics', 'Proposal', 310_000, 28, 11, 'Security questionnaire'],
  [11, 'Merchant Onboarding Automation', 'Negotiation', 275_000, 18, 5, 'Final pricing call'],
  [12, 'Lab Sales Enablement', 'Prospecting', 55_000, 120, 47, 'Find a new sponsor'],
  [14, 'Distributor Portal', 'Discovery', 88_000, 45, 8, 'Map buying committee'],
  [16, 'Retail Growth Bundle', 'Prospecting', 18_000, 50, 13, 'Send case study'],
  [17, 'Enterprise Sales Cloud', 'Proposal', 640_000, 40, 7, 'Executive sponsor meeting'],
  [20, 'Fleet Tracking Renewal', 'Negotiation', 190_000, 25, 10, 'On hold pending legal'],
  [21, 'Customer Field Service', 'Discovery', 230_000, 70, 15, 'Scope pilot regions'],
  [22, 'Dealer Network Pilot', 'Proposal', 72_000, -14, 38, 'Decision slipped to next quarter'],
  [23, 'Wholesale Ordering', 'Prospecting', 40_000, 95, 2, 'Qualify budget'],
  [26, 'Brand Ambassador Program', 'Discovery', 52_000, 55, 61, 'No reply since demo'],
  [27, 'Developer Team Seats', 'Negotiation', 36_000, 9, 1, 'Awaiting PO'],
  [28, 'Corporate Banking Sales Suite', 'Proposal', 780_000, 65, 12, 'Architecture review'],
];

export function sampleOpportunities(today: Date): NewCrmRecord[] {
  return SAMPLE_OPPORTUNITIES.map(([account, product, stage, amount, closeIn, idleDays, nextStep], index) => ({
    type: 'Opportunity',
    id: sampleId('Opportunity', index + 1),
    fields: {
      Name: `${SAMPLE_ACCOUNTS[account]?.[0] ?? 'Account'} - ${product}`, AccountId: accountId(account), StageName: stage, Amount: amount,
      CloseDate: dateFrom(today, closeIn), Probability: PROBABILITY[stage] ?? 10, OwnerId: accountOwner(account), IsClosed: false,
      Type: index % 3 === 0 ? 'Expansion' : 'New Business', NextStep: nextStep, LastActivityDate: dateFrom(today, -idleDays),
    },
  }));
}
