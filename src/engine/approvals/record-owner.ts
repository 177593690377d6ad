import type { SqlClient } from '../../store/index.js';
import type { RecordOwner, ReviewPolicy, Reviewers } from './review-policy.js';

export interface RecordRef {
  readonly type: string;
  readonly id: string;
}

/** What an approval is about, as far as the CRM can tell: a record by id, or a contact by email. */
export type RecordSubject = { readonly record: RecordRef } | { readonly contactEmail: string };

/**
 * Finds who owns the record an approval is about. src/main implements it over the CRM; the
 * transaction is the approval's own, because the embedded CRM lives in the store's database and
 * the embedded database serves one transaction at a time. It answers undefined, never throws,
 * when it cannot tell (no owner, an unknown record, a CRM too slow to answer).
 */
export interface RecordOwnerLookup {
  ownerOf(transaction: SqlClient, subject: RecordSubject): Promise<RecordOwner | undefined>;
}

const asRecord = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Input fields naming CRM records by id, with the record type each names. */
const INPUT_RECORDS = [['contact', 'Contact'], ['lead', 'Lead'], ['opportunity', 'Opportunity'], ['account', 'Account']] as const;

/**
 * Where an approval's record can be found, most specific first: the record of a CRM change under
 * review, then records the run's input names by id, then the contact it names by email (a
 * sequence's first contact, a reply's sender).
 */
export function subjectsOf(payload: unknown, input: unknown): RecordSubject[] {
  const subjects: RecordSubject[] = [];
  const changed = asRecord(asRecord(payload)['record']);
  const changedType = asString(changed['type']);
  const changedId = asString(changed['id']);
  if (changedType !== undefined && changedId !== undefined) subjects.push({ record: { type: changedType, id: changedId } });
  const root = asRecord(input);
  for (const [field, type] of INPUT_RECORDS) {
    const id = asString(asRecord(root[field])['id']);
    if (id !== undefined) subjects.push({ record: { type, id } });
  }
  const contacts = Array.isArray(root['contacts']) ? root['contacts'] : [];
  const email = asString(asRecord(root['contact'])['email']) ?? asString(asRecord(contacts[0])['email']) ?? asString(asRecord(root['reply'])['from']);
  if (email !== undefined) subjects.push({ contactEmail: email });
  return subjects;
}

/** The first subject whose owner the lookup knows; a few reads at most, inside the approval's transaction. */
export async function findRecordOwner(transaction: SqlClient, lookup: RecordOwnerLookup | undefined, payload: unknown, input: unknown): Promise<RecordOwner | undefined> {
  if (lookup === undefined) return undefined;
  for (const subject of subjectsOf(payload, input).slice(0, 3)) {
    const owner = await lookup.ownerOf(transaction, subject).catch(() => undefined);
    if (owner !== undefined) return owner;
  }
  return undefined;
}

/**
 * The reviewers an approval is stored with: the policy's, plus the record's owner and the
 * owner's manager when the policy allows them and they have reviewer ids. Stored with the
 * approval, so a decision stays a pure check against the row. A policy naming nobody already
 * lets anyone decide, so it is not narrowed to the owner.
 */
export function reviewersWithOwner(policy: ReviewPolicy, owner: RecordOwner | undefined): Reviewers {
  const { reviewers } = policy;
  if (owner === undefined) return reviewers;
  const named = reviewers.users.length > 0 || reviewers.groups.length > 0;
  const allowed = [policy.allowRecordOwner === true ? owner.ownerReviewer : undefined, policy.allowOwnerManager === true ? owner.managerReviewer : undefined];
  const added = named ? allowed.filter((id): id is string => id !== undefined && !reviewers.users.includes(id)) : [];
  return { ...reviewers, users: [...reviewers.users, ...new Set(added)], owner };
}
