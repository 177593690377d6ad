import { z } from 'zod';
import { BatonError } from '../../errors/index.js';

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const BudgetSettingsSchema = z.object({
  runUsd: z.number().nonnegative().default(5),
  dayUsd: z.number().nonnegative().default(100),
  maxStepsPerRun: z.number().int().min(1).default(250),
  /** The zone whose midnight starts a new daily budget. */
  timeZone: z.string().refine(isTimeZone, 'is not an IANA time zone such as UTC or America/New_York').default('UTC'),
});

export type BudgetSettings = z.output<typeof BudgetSettingsSchema>;
export type BudgetSettingsInput = z.input<typeof BudgetSettingsSchema>;

export function parseBudgetSettings(input: BudgetSettingsInput = {}): BudgetSettings {
  const result = BudgetSettingsSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `budgets.${issue.path.join('.')}: ${issue.message}`);
  throw new BatonError('config_invalid', `Invalid budget settings in baton.config.json: ${problems.join('; ')}`, {
    details: { problems },
  });
}
