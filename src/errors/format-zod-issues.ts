import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** One line per issue, each naming the field path, e.g. `reply.text: expected string, received number`. */
export function formatZodIssues(issues: readonly Issue[], root = 'input'): string {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : root}: ${issue.message}`).join('; ');
}
