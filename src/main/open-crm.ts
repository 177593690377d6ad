import type { CrmAdapter } from '../../crm/adapter/index.js';
import { createChangeSets, type ChangeSets } from '../../crm/change-sets/index.js';
import { createEmbeddedCrm } from '../../crm/embedded/index.js';
import { createSalesforceAdapter } from '../../crm/salesforce/index.js';
import { seedCrm, type SeedResult } from '../../crm/seed/index.js';
import { BatonError } from '../errors/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logging/index.js';
import type { Settings } from '../settings/index.js';
import type { Store } from '../store/index.js';
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
export function openCrm(baton: Baton): Promise<OpenedCrm> {
  return baton.crm();
}

export interface OpenCrmOptions {
  readonly config: Config;
  readonly settings: Settings;
  readonly store: Store;
  readonly logger: Logger;
}

/** Builds the CRM once per process; `baton.crm()` memoises it, the engine's CRM steps share it. */
export async function buildCrm(options: OpenCrmOptions): Promise<OpenedCrm> {
  const { config, store, logger } = options;
  const crm = config.crm.kind === 'salesforce' ? await createSalesforceAdapter({ connection: config.crm.connection, logger }) : createEmbeddedCrm({ sql: store.sql });
  const changeSets = createChangeSets({ sql: store.sql, crm, settings: options.settings.governance, logger });
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
