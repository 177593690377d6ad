import type { Logger } from '../../src/logging/index.js';
import type { Settings } from '../../src/settings/index.js';
import type { SqlClient } from '../../src/store/index.js';
import type { CrmAdapter } from '../adapter/index.js';
import { GovernanceSettingsSchema, type GovernanceSettings, type GovernanceSettingsInput } from '../governance/index.js';
import { applyChangeSet } from './apply-change-set.js';
import type { ChangeSetDeps } from './change-set-deps.js';
import { getChangeSet, listChangeSets } from './change-set-queries.js';
import type { ApplyChangeSetOptions, ChangeSet, ListChangeSetsOptions, ProposeChangeSetInput } from './change-set-types.js';
import { proposeChangeSet } from './propose-change-set.js';
import { releaseHeld } from './release-held.js';
import { rollbackChangeSet, type RollbackOptions } from './rollback-change-set.js';

export interface ChangeSetsOptions {
  readonly sql: SqlClient;
  readonly crm: CrmAdapter;
  /** The settings file's `governance` section (parsed or not; parsing again changes nothing); defaults when not given. */
  readonly settings?: GovernanceSettingsInput | Settings['governance'];
  readonly logger: Logger;
  /** Tests pass their own to move time past the hourly window. */
  readonly clock?: () => Date;
}

/** Every CRM write goes through here: proposed, decided by governance, applied, audited, undoable. */
export interface ChangeSets {
  readonly settings: GovernanceSettings;
  propose(input: ProposeChangeSetInput): Promise<ChangeSet>;
  apply(changeSetId: string, options: ApplyChangeSetOptions): Promise<ChangeSet>;
  rollback(changeSetId: string, by: string, options?: RollbackOptions): Promise<ChangeSet>;
  /** Held change sets whose window passed: decided again and applied where they may be. */
  releaseHeld(options?: { limit?: number }): Promise<ChangeSet[]>;
  get(changeSetId: string): Promise<ChangeSet>;
  list(options?: ListChangeSetsOptions): Promise<ChangeSet[]>;
}

export function createChangeSets(options: ChangeSetsOptions): ChangeSets {
  const settings = GovernanceSettingsSchema.parse(options.settings ?? {});
  const deps: ChangeSetDeps = { sql: options.sql, crm: options.crm, settings, logger: options.logger, clock: options.clock ?? (() => new Date()) };
  return {
    settings,
    propose: (input) => proposeChangeSet(deps, input),
    apply: (changeSetId, applyOptions) => applyChangeSet(deps, changeSetId, applyOptions),
    rollback: (changeSetId, by, rollbackOptions) => rollbackChangeSet(deps, changeSetId, by, rollbackOptions),
    releaseHeld: (releaseOptions) => releaseHeld(deps, releaseOptions),
    get: (changeSetId) => getChangeSet(options.sql, changeSetId),
    list: (listOptions) => listChangeSets(options.sql, listOptions),
  };
}
