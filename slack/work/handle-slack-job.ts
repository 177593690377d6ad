import { BatonError, formatZodIssues } from '../../src/errors/index.js';
import { withTrace } from '../../src/logging/index.js';
import { postDigest } from '../alerts/daily-digest.js';
import { postDeadLetters, runDeadLetterJob } from '../alerts/dead-letter-notices.js';
import { deliverEvent } from '../alerts/deliver-event.js';
import type { SlackContext } from '../app/slack-context.js';
import { closeCard } from '../cards/deliver-card.js';
import { syncCards } from '../cards/sync-cards.js';
import { runCommandJob } from '../commands/command-job.js';
import { followResearch, runResearchJob } from '../commands/research-job.js';
import { runDecideJob } from './decide-job.js';
import { SlackJobSchema, type SlackJob } from './slack-job.js';

/** Runs one job from the Slack queue; a retryable failure (Slack 5xx, the store restarting) is thrown for the queue to retry. */
export async function handleSlackJob(context: SlackContext, data: unknown, attempt = 1): Promise<unknown> {
  const parsed = SlackJobSchema.safeParse(data);
  if (!parsed.success) throw new BatonError('input_invalid', `Slack job is invalid: ${formatZodIssues(parsed.error.issues, 'job')}`);
  const job = parsed.data;
  if (job.kind === 'decide' || job.kind === 'pick') {
    const approval = await context.engine.getApproval(job.approvalId);
    // A picked category is an edit of the routing payload: the engine stores it as a labelled example with the decision.
    const decide = job.kind === 'decide' ? job : { ...job, kind: 'decide' as const, decision: { decision: 'edit' as const, payload: { ...(approval.payload as object), category: job.category } } };
    return withTrace({ traceId: approval.traceId, runId: approval.runId }, () => runDecideJob(context, decide, attempt > 1));
  }
  return run(context, job);
}

async function run(context: SlackContext, job: Exclude<SlackJob, { kind: 'decide' | 'pick' }>): Promise<unknown> {
  switch (job.kind) {
    case 'card.refresh':
      return closeCard(context, await context.engine.getApproval(job.approvalId));
    case 'research':
      return runResearchJob(context, job);
    case 'command':
      return runCommandJob(context, job);
    case 'dead_letter':
      return runDeadLetterJob(context, job);
    case 'event':
      return deliverEvent(context, job);
    case 'digest':
      return postDigest(context);
    case 'sync': {
      const cards = await syncCards(context);
      const deadLetters = await postDeadLetters(context);
      const research = await followResearch(context);
      return { ...cards, deadLetters, research };
    }
  }
}
