export { cronExpressionProblem } from './cron-expression.js';
export { formatJsonPath } from './format-settings-issues.js';
export { loadSettings, parseSettings, parseSettingsText } from './load-settings.js';
export { ACTION_NAME_PATTERN, KNOWN_REVIEW_ACTIONS } from './review-policy-schema.js';
export { ScheduleSchema } from './schedule-schema.js';
export {
  DEFAULT_SETTINGS,
  SettingsSchema,
  type BreakerSettings,
  type BudgetSettings,
  type QueueSettings,
  type ReviewPolicy,
  type ScheduleSetting,
  type Settings,
} from './settings-schema.js';
export { isTimeZone } from './time-zone.js';
