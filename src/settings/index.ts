export { cronExpressionProblem } from './cron-expression.js';
export { formatJsonPath } from './format-settings-issues.js';
export {
  DEFAULT_ALLOWED_FIELDS,
  DEFAULT_FIELD_RULES,
  DEFAULT_RISK,
  LEAD_STATUSES,
  OPPORTUNITY_STAGES,
  type FieldRule,
  type FieldRuleKind,
  type RiskLevel,
} from './governance-defaults.js';
export { GovernanceSettingsSchema, RiskLevelSchema, type GovernanceSettings, type GovernanceSettingsInput } from './governance-schema.js';
export { loadSettings, parseSettings, parseSettingsText } from './load-settings.js';
export { ACTION_NAME_PATTERN, KNOWN_REVIEW_ACTIONS } from './review-policy-schema.js';
export { ScheduleSchema } from './schedule-schema.js';
export {
  DEFAULT_SETTINGS,
  SettingsSchema,
  type BreakerSettings,
  type BudgetSettings,
  type GovernanceSettingsSection,
  type QueueSettings,
  type ReviewPolicy,
  type ScheduleSetting,
  type Settings,
  type SlackSettings,
} from './settings-schema.js';
export { isTimeZone } from './time-zone.js';
