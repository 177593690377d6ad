import type { CrmAdapter } from '../../crm/adapter/index.js';
import { createChangeSets, type ChangeSets } from '../../crm/change-sets/index.js';
import { createEmbeddedCrm } from '../../crm/embedded/index.js';
import { createSalesforceAdapter } from '../../crm/salesforce/index.js';
import { seedCrm, type SeedResult } from '../../crm/seed/index.js';
import { BatonError } from '../errors/index.js';
import type { Baton } from './create-baton.js';

export interface OpenedCrm {
  /** The embedded CRM by default; the Salesforce org when SALESFORCE_* credentials are set. */
  readonly crm: CrmAdapter;
  readonly changeSets: ChangeSets;
  /** Loads the sample book into the embedded CRM (only what is missing); refused on Salesforce. */
  seed(): Promise<SeedResult>;
}

/**
 * The CRM and the change sets that govern writes to it, on Baton's store, governed by the
 * settings file's `governance` section. Change sets and their audit stay in Baton's store
 * whichever CRM the records live in.
 */
export async function openCrm(baton: Baton): Promise<OpenedCrm> {
  const store = await baton.store();
  const crmConfig = baton.config.crm;
  const crm = crmConfig.kind === 'salesforce' ? await createSalesforceAdapter({ connection: crmConfig.connection, logger: baton.logger }) : createEmbeddedCrm({ sql: store.sql });
  const changeSets = createChangeSets({ sql: store.sql, crm, settings: baton.settings.governance, logger: baton.logger });
  return { crm, changeSets, seed: () => (crm.kind === 'embedded' ? seedCrm(crm) : refuseSeed()) };
}

/** The sample book is invented data: loading it into a real org would mix fiction with customers. */
function refuseSeed(): Promise<never> {
  return Promise.reject(
    new BatonError(
      'conflict',
      'baton crm seed loads the sample book into the embedded CRM only, and SALESFORCE_* credentials are set, so the CRM is a Salesforce org. ' +
        'Seeding a real org with invented accounts is not what it is for: unset the SALESFORCE_* variables to seed the embedded CRM.',
    ),
  );
}
