import type { CrmObjectType } from '../adapter/index.js';
import type { EmbeddedCrm, NewCrmRecord } from '../embedded/index.js';
import { sampleAccounts } from './sample-accounts.js';
import { sampleContacts } from './sample-contacts.js';
import { sampleLeads } from './sample-leads.js';
import { sampleOpportunities } from './sample-opportunities.js';
import { sampleUsers } from './sample-users.js';

/**
 * The sample book: reps and managers, accounts across industries, segments and territories with
 * their buying committees, inbound leads, and open pipeline. Deterministic for a given day (close
 * and activity dates are relative to `today`, so slipping deals stay slipping).
 */
export function buildSampleBook(today: Date): NewCrmRecord[] {
  return [...sampleUsers(), ...sampleAccounts(), ...sampleContacts(), ...sampleLeads(), ...sampleOpportunities(today)];
}

export interface SeedResult {
  readonly inserted: number;
  /** Already there: a seed never overwrites what agents or people changed since. */
  readonly existing: number;
  readonly counts: Readonly<Partial<Record<CrmObjectType, number>>>;
}

/** Loads the sample book into the embedded CRM; running it again adds only what is missing. */
export async function seedCrm(crm: EmbeddedCrm, options: { today?: Date } = {}): Promise<SeedResult> {
  const book = buildSampleBook(options.today ?? new Date());
  const { inserted, existing } = await crm.insertRecords(book);
  const counts: Partial<Record<CrmObjectType, number>> = {};
  for (const record of book) counts[record.type] = (counts[record.type] ?? 0) + 1;
  return { inserted, existing, counts };
}
