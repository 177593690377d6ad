import { toBatonError, type BatonError } from '../../src/errors/index.js';
import type { SlackContext } from '../app/slack-context.js';
import { slackDate } from '../blocks/block-text.js';
import { closeCard } from '../cards/deliver-card.js';
import type { SlackJob } from './slack-job.js';

type DecideJob = Extract<SlackJob, { kind: 'decide' }>;

/**
 * A click's decision, after the ack. The engine takes it exactly once; the losers of a double
 * click or of two reviewers at once, and anyone outside the policy, are told why, ephemerally.
 * A retried job whose decision already landed (same reviewer) only finishes the card.
 */
export async function runDecideJob(context: SlackContext, job: DecideJob, retried = false): Promise<void> {
  const approval = await context.engine.getApproval(job.approvalId);
  const reviewer = await context.reviewers.reviewerFor(job.user.id, approval);
  try {
    await context.engine.decide({ approvalId: job.approvalId, fingerprint: job.fingerprint, decision: job.decision, reviewer: { ...reviewer, via: 'slack' } });
  } catch (thrown) {
    const error = toBatonError(thrown);
    if (error.retryable) throw error;
    const current = await context.engine.getApproval(job.approvalId);
    if (!(retried && current.decidedBy === job.user.id && error.details['reason'] === 'already_decided')) {
      await context.client.chat.postEphemeral({ channel: job.channel, user: job.user.id, text: refusal(error, current) });
    }
    if (current.status !== 'pending') await closeCard(context, current);
    return;
  }
  await closeCard(context, await context.engine.getApproval(job.approvalId));
}

export function refusal(error: BatonError, approval: { status: string; decidedBy: string | null; decidedAt: string | null; action: string }): string {
  if (error.details['reason'] === 'already_decided') {
    const who = approval.decidedBy === null ? '' : approval.decidedBy.startsWith('U') || approval.decidedBy.startsWith('W') ? ` by <@${approval.decidedBy}>` : ` by ${approval.decidedBy}`;
    return `This was already ${approval.status}${who}${approval.decidedAt === null ? '' : ` ${slackDate(approval.decidedAt)}`}; nothing changed.`;
  }
  if (error.details['reason'] === 'stale_fingerprint') return 'This card is out of date: the item changed since it was posted. Nothing was decided; use the newest card.';
  if (error.code === 'unauthorized') return `You are not a reviewer for ${approval.action}, so nothing was decided. ${error.message.replace(/^.*?; /, '')}`;
  return `Nothing was decided: ${error.message}`;
}
