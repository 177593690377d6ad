import type { CrmAdapter, CrmRecord } from '../../crm/adapter/index.js';
import { repRoster, type Rep } from '../contracts/rep-roster.js';
import { bindEffect } from './bind-effect.js';

export interface RepRosterEffectOptions {
  /** The clock stamped on the roster as `readAt`; tests pass their own. */
  readonly now?: () => Date;
}

/** Statuses of a lead a rep still has to work: what counts towards their load. */
export const OPEN_LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted'] as const;
/** One page per query: a book bigger than this undercounts, which only ever makes a busy rep look less busy. */
const PAGE = 2_000;

/**
 * `crm.rep_roster` bound to the CRM adapter: equality queries only, so it reads the embedded
 * CRM and a Salesforce org alike. A rep is an active user with a segment and a territory whom
 * no active user reports to (managers are not routed leads).
 */
export function createRepRosterEffect(crm: CrmAdapter, options: RepRosterEffectOptions = {}) {
  const now = options.now ?? (() => new Date());
  return bindEffect(repRoster, async (input) => {
    const readAt = now().toISOString();
    const [users, leads, opportunities] = await Promise.all([
      crm.query({ type: 'User', where: { IsActive: true }, fields: ['Name', 'Title', 'Segment__c', 'Territory__c', 'ManagerId'], limit: PAGE }),
      Promise.all(OPEN_LEAD_STATUSES.map((status) => crm.query({ type: 'Lead', where: { Status: status }, fields: ['OwnerId'], limit: PAGE }))),
      crm.query({ type: 'Opportunity', where: { IsClosed: false }, fields: ['OwnerId'], limit: PAGE }),
    ]);
    const routedLead = input.lead?.id;
    const openLeads = countByOwner(leads.flat().filter((lead) => lead.id !== routedLead));
    const openOpportunities = countByOwner(opportunities);
    const managers = new Set(users.map((user) => text(user, 'ManagerId')).filter((id) => id !== undefined));
    const reps = users.flatMap((user) => toRep(user, managers, openLeads, openOpportunities));
    return { ...input, roster: { reps, source: crm.kind === 'embedded' ? 'embedded-crm' : 'salesforce', readAt } };
  });
}

function toRep(user: CrmRecord, managers: ReadonlySet<string>, openLeads: ReadonlyMap<string, number>, openOpportunities: ReadonlyMap<string, number>): Rep[] {
  const segment = text(user, 'Segment__c');
  const territory = text(user, 'Territory__c');
  if (segment === undefined || territory === undefined || managers.has(user.id)) return [];
  const leads = openLeads.get(user.id) ?? 0;
  const opportunities = openOpportunities.get(user.id) ?? 0;
  const title = text(user, 'Title');
  return [{ userId: user.id, name: text(user, 'Name') ?? user.id, ...(title === undefined ? {} : { title }), segment, territory, openLeads: leads, openOpportunities: opportunities, load: leads + opportunities }];
}

function countByOwner(records: readonly CrmRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    const owner = text(record, 'OwnerId');
    if (owner !== undefined) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  return counts;
}

function text(record: CrmRecord, field: string): string | undefined {
  const value = record.fields[field];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
