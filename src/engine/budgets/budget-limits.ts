import { BatonError } from '../../errors/index.js';
import type { BudgetDay } from './budget-day.js';
import type { BudgetSettings } from './budget-settings.js';
import { formatUsd, fromMicros, toMicros } from './micro-dollars.js';

/** Where an operator raises each limit; the settings file is read by `loadSettings`. */
const SETTING_HINT = { run: 'budgets.runUsd', day: 'budgets.dayUsd', steps: 'budgets.maxStepsPerRun' } as const;

export interface SpendCheck {
  readonly runId: string;
  readonly runMicros: number;
  readonly dayMicros: number;
  readonly estimateMicros: number;
  readonly day: BudgetDay;
  readonly settings: BudgetSettings;
}

/** `stepsSoFar` steps are done; the next would be one more, so the limit is reached at equality. */
export function stepLimitError(stepsSoFar: number | undefined, maxStepsPerRun: number): BatonError | undefined {
  if (stepsSoFar === undefined || stepsSoFar < maxStepsPerRun) return undefined;
  return new BatonError(
    'budget_exceeded',
    `Step limit of ${maxStepsPerRun} per run reached: ${stepsSoFar} steps taken, the next would be step ${stepsSoFar + 1} ` +
      `(${SETTING_HINT.steps} in baton.config.json).`,
    { details: { limit: 'steps', maxSteps: maxStepsPerRun, stepsSoFar } },
  );
}

/** Compared in whole micro-dollars, so a call that exactly reaches a limit is allowed and one a micro-dollar over is not. */
export function spendLimitError(check: SpendCheck): BatonError | undefined {
  const { settings, estimateMicros } = check;
  if (check.runMicros + estimateMicros > toMicros(settings.runUsd)) {
    const spent = `${formatUsd(fromMicros(check.runMicros))} spent`;
    return limitError('run', `Run budget of ${formatUsd(settings.runUsd)}`, spent, check, { runId: check.runId });
  }
  if (check.dayMicros + estimateMicros > toMicros(settings.dayUsd)) {
    const spent = `${formatUsd(fromMicros(check.dayMicros))} spent on ${check.day.date} (${check.day.timeZone})`;
    return limitError('day', `Daily budget of ${formatUsd(settings.dayUsd)}`, spent, check, { date: check.day.date, timeZone: check.day.timeZone });
  }
  return undefined;
}

function limitError(limit: 'run' | 'day', budget: string, spent: string, check: SpendCheck, extra: Record<string, string>): BatonError {
  const estimateUsd = fromMicros(check.estimateMicros);
  const message = `${budget} would be exceeded: ${spent}, next call up to ${formatUsd(estimateUsd)} (${SETTING_HINT[limit]} in baton.config.json).`;
  const limitUsd = limit === 'run' ? check.settings.runUsd : check.settings.dayUsd;
  const spentUsd = fromMicros(limit === 'run' ? check.runMicros : check.dayMicros);
  return new BatonError('budget_exceeded', message, { details: { limit, limitUsd, spentUsd, estimateUsd, ...extra } });
}
