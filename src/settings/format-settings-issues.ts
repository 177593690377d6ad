import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `schedules[0].cron`, `reviewPolicies.send_sequence.risk`, `triggers[1].when["data.lead.country"]`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const text = String(segment);
      if (IDENTIFIER.test(text)) return index === 0 ? text : `.${text}`;
      return `[${JSON.stringify(text)}]`;
    })
    .join('');
}

/** One line per problem, each starting with the file name so it reads on its own in a log. */
export function formatSettingsIssues(issues: readonly Issue[], fileName: string): string[] {
  return issues.map((issue) => {
    const where = issue.path.length > 0 ? `${formatJsonPath(issue.path)}: ` : '';
    return `${fileName}: ${where}${issueMessage(issue)}`;
  });
}

function issueMessage(issue: Issue): string {
  if (issue.code === 'invalid_key') return `invalid name: ${issue.issues.map((inner) => inner.message).join(', ')}`;
  return issue.message;
}
