import type { Redis } from 'ioredis';
import type { BudgetSettingsInput } from './budget-settings.js';

export interface RunSpend {
  readonly costUsd: number;
  readonly steps: number;
}

export interface BudgetsOptions {
  readonly redis: Redis;
  /** Namespaces every key. Under Redis Cluster, include a hash tag (`{baton}:`) so a run's and a day's ledgers share a slot. */
  readonly prefix: string;
  readonly settings?: BudgetSettingsInput;
  /** The store's total for a run, to rebuild a missing ledger; it must include every cost already recorded. */
  readonly loadRunSpend: (runId: string) => Promise<RunSpend>;
  /** The store's total for every run since `dayStartIso` (local midnight in the budget's time zone, as UTC). */
  readonly loadDaySpend: (dayStartIso: string) => Promise<number>;
  readonly now?: () => number;
}

export interface SpendRequest {
  readonly runId: string;
  /** An upper bound for the coming call, e.g. from `estimateCallCostUsd`. */
  readonly estimateUsd: number;
  /** Steps the run has taken; the step limit is checked only when given. */
  readonly stepsSoFar?: number;
}

export interface Budgets {
  /** Throws `budget_exceeded` when the next call could pass a limit. A check, not a reservation. */
  assertCanSpend(request: SpendRequest): Promise<void>;
  /** Adds a finished call's cost to the run's and today's ledgers. */
  record(spend: { readonly runId: string; readonly costUsd: number }): Promise<void>;
  spent(query: { readonly runId: string }): Promise<{ runUsd: number; dayUsd: number }>;
}
