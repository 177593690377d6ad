import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { formatZodIssues, toBatonError, type ErrorCode as BatonErrorCode } from '../../src/errors/index.js';

/** Bad arguments are the caller's mistake in the protocol: a JSON-RPC error naming every field. */
export function invalidArguments(tool: string, issues: readonly z.core.$ZodIssue[]): McpError {
  return new McpError(ErrorCode.InvalidParams, `Invalid arguments for tool ${tool}: ${formatZodIssues(issues, 'arguments')}`, {
    tool,
    issues: issues.map((issue) => ({ field: issue.path.join('.') || '(arguments)', message: issue.message })),
  });
}

/** What an LLM caller can do about each kind of failure. */
const ADVICE: Partial<Record<BatonErrorCode, string>> = {
  input_invalid: 'Fix the named fields and call again.',
  not_found: 'Check the id: list_runs, list_approvals and list_dead_letters show the ones that exist.',
  conflict: 'The state changed: read it again (get_run or list_approvals) and act on what it is now.',
  unauthorized: 'This caller is not a reviewer for it: ask a listed reviewer to decide, or decide in Slack.',
  rejected: 'A person rejected it; read the reason with get_run before trying anything else.',
  budget_exceeded: 'A spending limit stops it: tell the user; an admin can raise the limit in the settings file.',
  breaker_open: 'An integration is failing and work is held: try again after the cooldown.',
  timeout: 'It ran past its time limit: call again, or follow the run with get_run.',
  cancelled: 'It was cancelled; start it again if it is still wanted.',
  store_unavailable: 'Baton could not reach its database: try again in a few seconds.',
  model_rate_limited: 'The model API is rate limited: try again in a minute.',
  model_overloaded: 'The model API is overloaded: try again in a minute.',
  model_unavailable: 'The model API failed: try again shortly.',
  model_output_invalid: 'The model could not produce a valid answer: a person should look at the run (get_run).',
};

/** A tool that ran and failed: an `isError` result whose text says what failed and what to try. */
export function toolFailure(thrown: unknown, doing: string): CallToolResult {
  const error = toBatonError(thrown);
  const advice = ADVICE[error.code] ?? (error.retryable ? 'Try again shortly.' : 'Tell the user; this needs a person to look at it.');
  return { isError: true, content: [{ type: 'text', text: `${doing} failed (${error.code}): ${error.message} ${advice}` }] };
}
