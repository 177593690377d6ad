import { z } from 'zod';
import type { Decision } from '../src/engine/approvals/decide-approval.js';
import { BatonError, formatZodIssues } from '../src/errors/index.js';

const DecideFormSchema = z.object({
  fingerprint: z.string().min(1, 'the page did not send the fingerprint of what it showed; reload it'),
  decision: z.enum(['approve', 'edit', 'reject']),
  reason: z.string().optional(),
  payload: z.string().optional(),
  return: z.enum(['run', 'approvals']).default('run'),
});

export interface DecideForm {
  readonly fingerprint: string;
  readonly decision: Decision;
  readonly returnTo: 'run' | 'approvals';
}

/** A decide form as the engine's decision; an edit's payload must be JSON (the engine checks it against the edit schema). */
export function parseDecideForm(fields: Record<string, string>): DecideForm {
  const parsed = DecideFormSchema.safeParse(fields);
  if (!parsed.success) throw new BatonError('input_invalid', `The decision form is invalid: ${formatZodIssues(parsed.error.issues, 'form')}`);
  const { fingerprint, decision, reason, payload } = parsed.data;
  const returnTo = parsed.data.return;
  if (decision === 'approve') return { fingerprint, decision: { decision }, returnTo };
  if (decision === 'reject') {
    if (reason === undefined || reason.trim() === '') throw new BatonError('input_invalid', 'The decision form is invalid: reason: say why the item is rejected');
    return { fingerprint, decision: { decision, reason: reason.trim() }, returnTo };
  }
  try {
    return { fingerprint, decision: { decision, payload: JSON.parse(payload ?? '') as unknown }, returnTo };
  } catch {
    throw new BatonError('input_invalid', 'The decision form is invalid: payload: is not valid JSON');
  }
}
