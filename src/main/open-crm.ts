import { createChangeSets, type ChangeSets } from '../../crm/change-sets/index.js';
import { createEmbeddedCrm, type EmbeddedCrm } from '../../crm/embedded/index.js';
import { seedCrm, type SeedResult } from '../../crm/seed/index.js';
import type { Baton } from './create-baton.js';

export interface OpenedCrm {
  readonly crm: EmbeddedCrm;
  readonly changeSets: ChangeSets;
  /** Loads the sample book into the embedded CRM (only what is missing). */
  seed(): Promise<SeedResult>;
}

/**
 * The CRM and the change sets that govern writes to it, on Baton's store. The embedded CRM for
 * now; choosing Salesforce when its credentials are set belongs here too. Governance uses its
 * defaults until the settings file has a `governance` section.
 */
export async function openCrm(baton: Baton): Promise<OpenedCrm> {
  const store = await baton.store();
  const crm = createEmbeddedCrm({ sql: store.sql });
  return { crm, changeSets: createChangeSets({ sql: store.sql, crm, logger: baton.logger }), seed: () => seedCrm(crm) };
}
