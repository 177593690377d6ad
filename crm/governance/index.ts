// Any export here is public API for the rest of Baton: add deliberately.
// The schema and defaults live in src/settings (the settings file's `governance` section); re-exported for crm/.
export {
  DEFAULT_ALLOWED_FIELDS,
  DEFAULT_FIELD_RULES,
  DEFAULT_RISK,
  LEAD_STATUSES,
  OPPORTUNITY_STAGES,
  type FieldRule,
  type FieldRuleKind,
  type RiskLevel,
} from '../../src/settings/governance-defaults.js';
export { evaluateChangeSet, riskOf, type EvaluateChangeSetInput } from './evaluate-change-set.js';
export type { GovernanceDecision, GovernanceOutcome, GovernanceReason, GovernanceReasonCode } from './governance-decision.js';
export { GovernanceSettingsSchema, RiskLevelSchema, type GovernanceSettings, type GovernanceSettingsInput } from '../../src/settings/governance-schema.js';
export { checkRateCap, WRITE_WINDOW_MS, type RateCapInput } from './rate-cap.js';
export { resolveConflicts, type ConflictProposal, type ConflictRecord, type ConflictResolution, type ConflictRule } from './resolve-conflicts.js';
export { validateChanges, type ProposedValue, type ValidateChangesInput } from './validate-changes.js';
