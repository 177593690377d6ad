import { BatonError } from '../../errors/index.js';
import { budgetDayOf } from './budget-day.js';
import { createBudgetLedger } from './budget-ledger.js';
import { spendLimitError, stepLimitError } from './budget-limits.js';
import { parseBudgetSettings } from './budget-settings.js';
import type { Budgets, BudgetsOptions } from './budget-types.js';
import { fromMicros, toMicros } from './micro-dollars.js';

/**
 * Per-run and per-day dollar budgets and a per-run step limit, checked before each model call
 * and shared by every worker through Redis ledgers that the store can always rebuild.
 */
export function createBudgets(options: BudgetsOptions): Budgets {
  const settings = parseBudgetSettings(options.settings);
  const now = options.now ?? Date.now;
  const ledger = createBudgetLedger(options);
  const today = () => budgetDayOf(now(), settings.timeZone);
  return {
    async assertCanSpend(request) {
      assertAmount('estimateUsd', request.estimateUsd);
      const stepError = stepLimitError(request.stepsSoFar, settings.maxStepsPerRun);
      if (stepError) throw stepError;
      const day = today();
      const spent = await ledger.read(request.runId, day);
      const error = spendLimitError({ ...spent, runId: request.runId, estimateMicros: toMicros(request.estimateUsd), day, settings });
      if (error) throw error;
    },
    async record({ runId, costUsd }) {
      assertAmount('costUsd', costUsd);
      const micros = toMicros(costUsd);
      if (micros > 0) await ledger.add(runId, today(), micros);
    },
    async spent({ runId }) {
      const spent = await ledger.read(runId, today());
      return { runUsd: fromMicros(spent.runMicros), dayUsd: fromMicros(spent.dayMicros) };
    },
  };
}

/** A negative or NaN amount is a bug in the caller; letting it through would corrupt a shared ledger. */
function assertAmount(field: string, usd: number): void {
  if (Number.isFinite(usd) && usd >= 0) return;
  throw new BatonError('internal', `Budgets: ${field} must be a dollar amount of 0 or more, got ${String(usd)}.`);
}
