export { createBudgets } from './budgets.js';
export { estimateCallCostUsd, type CallCostEstimateInput } from './estimate-call-cost.js';
export { budgetDayOf, type BudgetDay } from './budget-day.js';
export { BudgetSettingsSchema, type BudgetSettings, type BudgetSettingsInput } from './budget-settings.js';
export type { Budgets, BudgetsOptions, RunSpend, SpendRequest } from './budget-types.js';
