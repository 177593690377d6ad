import type { RunResult } from './run-result.js';

/** One instruction for the caller, from the run's state: the LLM should never have to guess what follows. */
export function nextStepFor(result: Omit<RunResult, 'next'>): string {
  const simulated = result.simulated ? ' (Offline mode: a simulator answered, not a model; say so when you show it.)' : '';
  switch (result.status) {
    case 'succeeded':
      return `Done: the result is in output.${simulated}`;
    case 'partial':
      return `Ended with part of the work done: partialOutput has what completed and what is missing. retry_run {"runId":"${result.runId}"} re-runs only the failed steps.${simulated}`;
    case 'failed':
      return result.error?.code === 'rejected'
        ? `A reviewer rejected it: ${result.error.message} Do not retry unchanged.`
        : `Failed${result.error === null ? '' : ` (${result.error.code}): ${result.error.message}`}. ${result.error?.retryable === true ? `retry_run {"runId":"${result.runId}"} restarts it from the failed steps.` : 'Tell the user; list_dead_letters shows the failed item.'}`;
    case 'cancelled':
      return 'Cancelled; nothing more will happen. Start it again if it is still wanted.';
    case 'waiting_for_human':
      return waitingText(result);
    case 'queued':
    case 'running':
      return `Still running${result.currentSteps.length > 0 ? ` (${result.currentSteps.join(', ')})` : ''}. Call get_run {"runId":"${result.runId}","waitSeconds":20} to wait for the result.`;
  }
}

function waitingText(result: Omit<RunResult, 'next'>): string {
  const [first] = result.pendingApprovals;
  if (first === undefined) return `Waiting for a person. Call get_run {"runId":"${result.runId}","waitSeconds":20} to follow it.`;
  const where = first.slackLink === null ? 'reviewers can decide in Slack or the CLI' : `reviewers can decide in Slack: ${first.slackLink}`;
  return [
    `Waiting for a person to decide ${first.action} (approval ${first.approvalId}, ${first.risk} risk); ${where}.`,
    'Show the user the payload. Only if the user tells you to, call decide_approval with approvalId, fingerprint and decision (approve, edit with payload, or reject with reason).',
    `Then call get_run {"runId":"${result.runId}","waitSeconds":20} for the result.`,
  ].join(' ');
}
