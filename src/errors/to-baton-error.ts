import { ZodError } from 'zod';
import { BatonError } from './baton-error.js';
import { formatZodIssues } from './format-zod-issues.js';

/** Turns anything thrown into a BatonError at the edges (CLI, jobs, MCP, Slack). */
export function toBatonError(value: unknown): BatonError {
  if (value instanceof BatonError) return value;
  if (value instanceof ZodError) {
    return new BatonError('input_invalid', formatZodIssues(value.issues), {
      cause: value,
      details: { issues: value.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) },
    });
  }
  if (value instanceof Error) {
    if (value.name === 'AbortError' || value.name === 'TimeoutError') {
      return new BatonError('timeout', value.message, { cause: value });
    }
    return new BatonError('internal', value.message, { cause: value });
  }
  return new BatonError('internal', `Non-error value thrown: ${String(value)}`, { cause: value });
}
