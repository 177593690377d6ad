import type { AgentRunner } from '../../agents/runtime/run-agent.js';
import type { AnyAgent } from '../../agents/runtime/agent-definition.js';
import type { DealReview, OpenDeal, OpenPipeline } from '../../src/contracts/open-pipeline.js';

/** The review day of the hand-made pipeline below. */
export const AS_OF = '2026-11-20';

export const REVIEW: DealReview = {
  asOf: AS_OF,
  timeZone: 'America/New_York',
  stalledAfterDays: 30,
  rollupChannel: 'sales-leadership',
  compAuditChannel: 'deal-desk',
  source: { source: 'embedded-crm', observedAt: '2026-11-20T11:00:00.000Z', confidence: 1 },
};

const MANAGER = { managerId: '005M', managerName: 'Grace Whitfield' };
const PRIYA = { id: '005A', name: 'Priya Raman', ...MANAGER };
const MARCUS = { id: '005B', name: 'Marcus Bell', ...MANAGER };
const LUIS = { id: '005C', name: 'Luis Ortega', managerId: null, managerName: null };

function deal(overrides: Partial<OpenDeal> & Pick<OpenDeal, 'id' | 'name'>): OpenDeal {
  return {
    stage: 'Proposal', amount: 100_000, probability: 50, closeDate: '2026-12-20', type: 'New Business', nextStep: 'Send proposal', lastActivityDate: '2026-11-15',
    account: { id: '001X', name: 'Account', type: 'Prospect' }, owner: PRIYA, contacts: [], ...overrides,
  };
}

/** Slipping (close date passed) with no economic buyer, booked as Expansion on a prospect. */
export const SLIPPING = deal({
  id: '006SLIP', name: 'Maple & Finch Insurance - Agent Productivity Expansion', amount: 95_000, closeDate: '2026-11-11', lastActivityDate: '2026-10-30', type: 'Expansion',
  nextStep: 'Chase signature on order form', account: { id: '001MF', name: 'Maple & Finch Insurance', type: 'Prospect' },
  contacts: [{ id: '003A', name: 'Mei Patel', title: 'Head of Marketing' }, { id: '003B', name: 'Ravi Costa', title: 'Sales Operations Manager' }],
});

/** Stalled for 52 days, no champion, a next step that says the sponsor is gone, New Business on a customer. */
export const STALLED = deal({
  id: '006STALL', name: 'Lumen Bay Retail - Store Operations Rollout', stage: 'Discovery', probability: 20, amount: 380_000, closeDate: '2027-02-18', lastActivityDate: '2026-09-29',
  nextStep: 'Re-engage champion after reorg', owner: MARCUS, account: { id: '001LB', name: 'Lumen Bay Retail', type: 'Customer' },
  contacts: [{ id: '003C', name: 'Olivia Carter', title: 'Chief Revenue Officer' }, { id: '003D', name: 'James Nguyen', title: 'VP of Sales' }],
});

/** Nothing wrong: a recent activity, a future date, an economic buyer and a champion. */
export const HEALTHY = deal({
  id: '006OK', name: 'Harbor Point Health - Patient Outreach Suite', amount: 260_000, closeDate: '2026-12-26', lastActivityDate: '2026-11-14', nextStep: 'Present proposal to CFO',
  account: { id: '001HP', name: 'Harbor Point Health', type: 'Prospect' },
  contacts: [{ id: '003E', name: 'Amara Osei', title: 'VP of Sales' }, { id: '003F', name: 'Noah Fischer', title: 'Director of Revenue Operations' }],
});

/** An account with no contacts at all, owned by a rep with no manager. */
export const NO_CONTACTS = deal({
  id: '006NONE', name: 'Quillfeather Legal Tech - Starter Plan', stage: 'Prospecting', probability: 10, amount: 12_000, closeDate: '2027-01-15', lastActivityDate: '2026-11-16',
  nextStep: 'Book intro meeting', owner: LUIS, account: { id: '001QF', name: 'Quillfeather Legal Tech', type: 'Prospect' }, contacts: [],
});

export function samplePipeline(deals: readonly OpenDeal[] = [SLIPPING, STALLED, HEALTHY, NO_CONTACTS]): OpenPipeline {
  return { review: REVIEW, deals: [...deals] };
}

/** Runs `agent` on `context` and returns its output, failing the test with the agent's error. */
export async function outputOf(runner: AgentRunner, agent: AnyAgent, context: unknown): Promise<Record<string, unknown>> {
  const result = await runner.run(agent, context);
  if (!result.ok) throw result.error;
  return result.output as Record<string, unknown>;
}
