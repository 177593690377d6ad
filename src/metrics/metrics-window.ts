import { z } from 'zod';
import { BatonError, formatZodIssues } from '../errors/index.js';

/** How far back metrics look: a number and a unit, `90m`, `24h`, `7d`. */
export const WINDOW_PATTERN = /^(\d{1,4})(m|h|d)$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export const MetricsWindowInputSchema = z.object({
  since: z.string().regex(WINDOW_PATTERN, 'must be a span such as 90m, 24h or 7d').default('24h'),
  workflow: z.string().min(1).optional(),
});
export type MetricsWindowInput = z.input<typeof MetricsWindowInputSchema>;

export interface MetricsWindow {
  readonly since: Date;
  readonly until: Date;
  /** Only this workflow's runs, steps and approvals; undefined means every workflow. */
  readonly workflow: string | undefined;
  /** The span as asked for, for labels: `24h`. */
  readonly span: string;
}

/** Parses what a caller asked for (CLI flags, an MCP resource, a query string) into a window ending now. */
export function resolveMetricsWindow(input: unknown, now: Date = new Date()): MetricsWindow {
  const parsed = MetricsWindowInputSchema.safeParse(input ?? {});
  if (!parsed.success) throw new BatonError('input_invalid', `Metrics window is invalid: ${formatZodIssues(parsed.error.issues, 'window')}`);
  const match = WINDOW_PATTERN.exec(parsed.data.since);
  const amount = Number(match?.[1] ?? 24);
  const unit = (match?.[2] ?? 'h') as keyof typeof UNIT_MS;
  if (amount === 0) throw new BatonError('input_invalid', 'Metrics window is invalid: since: must be longer than zero');
  return { since: new Date(now.getTime() - amount * UNIT_MS[unit]), until: now, workflow: parsed.data.workflow, span: parsed.data.since };
}
