import type { CrmAdapter, CrmRecord } from '../../crm/adapter/index.js';
import { crmOpenPipeline, type DealContact, type OpenDeal, type ReviewDealsInput } from '../contracts/open-pipeline.js';
import { BatonError } from '../errors/index.js';
import { bindEffect } from './bind-effect.js';

export interface OpenPipelineEffectOptions {
  /** The clock that decides "today" when the input names no day; tests pass their own. */
  readonly now?: () => Date;
}

const OPPORTUNITY_FIELDS = ['Name', 'StageName', 'Amount', 'Probability', 'CloseDate', 'Type', 'NextStep', 'LastActivityDate', 'AccountId', 'OwnerId'];
const CONTACT_FIELDS = ['Name', 'Title', 'AccountId'];
/** One page of open deals: a review of more than this belongs to a segmented schedule, not one run. */
const MAX_OPEN_DEALS = 2_000;

/**
 * `crm.open_pipeline` bound to the CRM adapter: equality queries and record reads only, so it
 * reads the embedded CRM and a Salesforce org alike. Each account, owner and manager is read once.
 */
export function createOpenPipelineEffect(crm: CrmAdapter, options: OpenPipelineEffectOptions = {}) {
  const now = options.now ?? (() => new Date());
  return bindEffect(crmOpenPipeline, async (input) => {
    const readAt = now();
    const opportunities = await crm.query({ type: 'Opportunity', where: { IsClosed: false }, fields: OPPORTUNITY_FIELDS, limit: MAX_OPEN_DEALS });
    const read = createCachedReader(crm);
    const deals = await Promise.all(opportunities.map((opportunity) => readDeal(read, opportunity)));
    return { review: reviewOf(input, readAt, crm.kind), deals };
  });
}

function reviewOf(input: ReviewDealsInput, readAt: Date, kind: CrmAdapter['kind']) {
  return {
    asOf: input.asOf ?? dayIn(input.timeZone, readAt),
    timeZone: input.timeZone,
    stalledAfterDays: input.stalledAfterDays,
    rollupChannel: input.rollupChannel,
    compAuditChannel: input.compAuditChannel,
    source: { source: kind === 'embedded' ? 'embedded-crm' : 'salesforce', observedAt: readAt.toISOString(), confidence: 1 },
  };
}

/** The calendar day in `timeZone` at `moment`: a 06:00 review in Berlin is about Berlin's today. */
function dayIn(timeZone: string, moment: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(moment);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

interface CachedReader {
  record(type: 'Account' | 'User', id: string): Promise<CrmRecord | undefined>;
  contacts(accountId: string): Promise<DealContact[]>;
}

/** Many deals share an account, owner or manager: each is read once per review, concurrently. */
function createCachedReader(crm: CrmAdapter): CachedReader {
  const records = new Map<string, Promise<CrmRecord | undefined>>();
  const contacts = new Map<string, Promise<DealContact[]>>();
  return {
    record(type, id) {
      const key = `${type}:${id}`;
      let pending = records.get(key);
      if (pending === undefined) records.set(key, (pending = crm.getRecord({ type, id }).catch(absentWhenNotFound)));
      return pending;
    },
    contacts(accountId) {
      let pending = contacts.get(accountId);
      if (pending === undefined) {
        pending = crm.query({ type: 'Contact', where: { AccountId: accountId }, fields: CONTACT_FIELDS, limit: 200 }).then((rows) => rows.map(toContact));
        contacts.set(accountId, pending);
      }
      return pending;
    },
  };
}

/** A deleted owner or account is a finding for the review, not a reason to stop it. */
function absentWhenNotFound(error: unknown): undefined {
  if (error instanceof BatonError && error.code === 'not_found') return undefined;
  throw error;
}

async function readDeal(read: CachedReader, opportunity: CrmRecord): Promise<OpenDeal> {
  const fields = opportunity.fields;
  const accountId = text(fields['AccountId']) ?? '';
  const ownerId = text(fields['OwnerId']) ?? '';
  const [account, owner, contacts] = await Promise.all([
    accountId === '' ? undefined : read.record('Account', accountId),
    ownerId === '' ? undefined : read.record('User', ownerId),
    accountId === '' ? [] : read.contacts(accountId),
  ]);
  const managerId = text(owner?.fields['ManagerId']);
  const manager = managerId === null ? undefined : await read.record('User', managerId);
  return {
    id: opportunity.id,
    name: text(fields['Name']) ?? opportunity.id,
    stage: text(fields['StageName']) ?? 'Unknown',
    amount: numberOrNull(fields['Amount']),
    probability: numberOrNull(fields['Probability']),
    closeDate: dateOrNull(fields['CloseDate']),
    type: text(fields['Type']),
    nextStep: text(fields['NextStep'])?.slice(0, 500) ?? null,
    lastActivityDate: dateOrNull(fields['LastActivityDate']),
    account: { id: accountId === '' ? 'unknown' : accountId, name: text(account?.fields['Name']) ?? 'Unknown account', type: text(account?.fields['Type']) },
    owner: { id: ownerId === '' ? 'unknown' : ownerId, name: text(owner?.fields['Name']) ?? (ownerId === '' ? 'Unknown owner' : ownerId), managerId, managerName: text(manager?.fields['Name']) ?? managerId },
    contacts,
  };
}

function toContact(record: CrmRecord): DealContact {
  return { id: record.id, name: text(record.fields['Name']) ?? record.id, title: text(record.fields['Title']) };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Salesforce dates are `YYYY-MM-DD`; a date-time keeps its day. */
function dateOrNull(value: unknown): string | null {
  const day = typeof value === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] : undefined;
  return day ?? null;
}
