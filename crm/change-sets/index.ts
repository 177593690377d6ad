// Any export here is public API for the rest of Baton: add deliberately.
export { createChangeSets, type ChangeSets, type ChangeSetsOptions } from './create-change-sets.js';
export {
  CHANGE_SET_STATUSES,
  GOVERNANCE_ACTOR,
  LegalHoldOverrideSchema,
  OPEN_CHANGE_SET_STATUSES,
  ProposeChangeSetInputSchema,
  type ApplyChangeSetOptions,
  type ChangeSet,
  type ChangeSetApproval,
  type ChangeSetDecision,
  type ChangeSetStatus,
  type LegalHoldOverride,
  type ListChangeSetsOptions,
  type ProposeChangeSetInput,
} from './change-set-types.js';
export type { RollbackOptions } from './rollback-change-set.js';
