import type { OpenDeal } from '../../src/contracts/open-pipeline.js';
import type { FlaggedDeal } from '../deal-inspector/deal-inspector-schemas.js';
import { CHANNEL_AUDIENCE, type DealRiskSummariserInput } from './deal-risk-summariser-schemas.js';

export interface RepPlan {
  readonly repId: string;
  readonly repName: string;
  readonly flagged: readonly FlaggedDeal[];
}

export interface RollupPlan {
  /** The manager's user id, or `channel` for owners with no manager (and for an empty pipeline). */
  readonly audience: string;
  readonly managerName: string | null;
  readonly deals: readonly OpenDeal[];
  readonly flagged: readonly FlaggedDeal[];
}

export interface AlertPlan {
  readonly reps: readonly RepPlan[];
  readonly rollups: readonly RollupPlan[];
}

/**
 * Who hears what, decided by code: one risk summary per rep with flagged deals, one roll-up per
 * manager of a rep with open deals (owners without a manager go to the roll-up channel), and a
 * roll-up to the channel saying so when there are no open deals at all.
 */
export function planAlerts(input: Pick<DealRiskSummariserInput, 'deals' | 'flaggedDeals'>): AlertPlan {
  const owners = new Map(input.deals.map((deal) => [deal.owner.id, deal.owner]));
  const reps = groupBy(input.flaggedDeals, (flagged) => flagged.ownerId).map(([repId, flagged]) => ({ repId, repName: owners.get(repId)?.name ?? repId, flagged }));
  const flaggedIds = new Map(input.flaggedDeals.map((flagged) => [flagged.opportunityId, flagged]));
  const teams = groupBy(input.deals, (deal) => deal.owner.managerId ?? CHANNEL_AUDIENCE);
  const rollups = teams.map(([audience, deals]) => ({
    audience,
    managerName: audience === CHANNEL_AUDIENCE ? null : (deals[0]?.owner.managerName ?? audience),
    deals,
    flagged: deals.flatMap((deal) => flaggedIds.get(deal.id) ?? []),
  }));
  return { reps, rollups: rollups.length > 0 ? rollups : [{ audience: CHANNEL_AUDIENCE, managerName: null, deals: [], flagged: [] }] };
}

/** Groups in first-seen order, so the same pipeline always gives the same alerts in the same order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return [...groups.entries()];
}
