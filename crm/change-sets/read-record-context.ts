import { isBatonError } from '../../src/errors/index.js';
import type { CrmAdapter, CrmRecord, RecordRef } from '../adapter/index.js';
import type { GovernanceSettings, ProposedValue } from '../governance/index.js';

/** What governance needs from the CRM, read before any transaction (the embedded CRM shares the database). */
export interface RecordContext {
  readonly record: CrmRecord;
  /** The record whose legal hold covers this one: itself, or the account it belongs to. */
  readonly legalHoldOn: RecordRef | null;
  /** The proposed owners that exist and are active. */
  readonly activeUserIds: ReadonlySet<string>;
}

async function readOrUndefined(crm: CrmAdapter, ref: RecordRef): Promise<CrmRecord | undefined> {
  try {
    return await crm.getRecord(ref);
  } catch (error) {
    if (isBatonError(error) && error.code === 'not_found') return undefined;
    throw error;
  }
}

/** A hold on an account covers its contacts and opportunities too: litigation holds are placed on the customer. */
async function legalHoldOn(crm: CrmAdapter, record: CrmRecord): Promise<RecordRef | null> {
  if (record.fields['LegalHold__c'] === true) return { type: record.type, id: record.id };
  const accountId = record.fields['AccountId'];
  if (record.type === 'Account' || typeof accountId !== 'string' || accountId === '') return null;
  const account = await readOrUndefined(crm, { type: 'Account', id: accountId });
  return account?.fields['LegalHold__c'] === true ? { type: 'Account', id: accountId } : null;
}

async function activeUsers(crm: CrmAdapter, settings: GovernanceSettings, record: RecordRef, changes: readonly ProposedValue[]): Promise<Set<string>> {
  const rules = settings.fieldRules[record.type] ?? {};
  const candidates = new Set(changes.filter((change) => rules[change.field]?.kind === 'user' && typeof change.newValue === 'string').map((change) => change.newValue as string));
  const active = new Set<string>();
  for (const id of candidates) {
    const user = await readOrUndefined(crm, { type: 'User', id });
    if (user !== undefined && user.fields['IsActive'] !== false) active.add(id);
  }
  return active;
}

export async function readRecordContext(crm: CrmAdapter, settings: GovernanceSettings, ref: RecordRef, changes: readonly ProposedValue[]): Promise<RecordContext> {
  const record = await crm.getRecord(ref);
  return { record, legalHoldOn: await legalHoldOn(crm, record), activeUserIds: await activeUsers(crm, settings, ref, changes) };
}
