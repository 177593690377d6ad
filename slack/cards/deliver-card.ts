import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import { mayDecide } from '../../src/engine/approvals/review-policy.js';
import type { SlackContext } from '../app/slack-context.js';
import { approvalCardMessage, approvalRootMessage, decidedCardMessage } from '../blocks/approval-card-blocks.js';
import { validatedMessage } from '../blocks/validated-message.js';
import { closeEscalationCard } from './escalation-card.js';
import { gatherReviewMaterial } from './review-material.js';

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * Where an approval's card goes: the approval's own channel (an escalation channel, say); else
 * the DM of the record's owner when the settings map them to a Slack user and they may decide
 * (a card in a DM is seen by nobody else); else the configured approvals channel.
 */
export async function channelFor(context: SlackContext, approval: ApprovalView): Promise<string> {
  if (approval.reviewers.channel !== undefined) return approval.reviewers.channel;
  const owner = approval.reviewers.owner?.ownerReviewer;
  if (owner !== undefined && SLACK_USER_ID.test(owner) && mayDecide(approval.reviewers, { id: owner })) {
    const opened = await context.client.conversations.open({ users: owner });
    if (opened.channel?.id !== undefined) return opened.channel.id;
  }
  return context.channels.approvals;
}

/**
 * Posts an approval's card once: the thread root naming the run and account, then in the thread
 * the item with its material and buttons. The row is claimed first and each timestamp stored as
 * soon as Slack returns it, so a crash between posts resumes where it stopped instead of posting twice.
 */
export async function postCard(context: SlackContext, approval: ApprovalView): Promise<boolean> {
  // A card being posted keeps the channel it was claimed with; only a new one needs its destination.
  const existing = await context.cards.get(approval.id);
  const channel = existing?.channel ?? (await channelFor(context, approval));
  const claimed = await context.cards.claim({ approvalId: approval.id, runId: approval.runId, channel, fingerprint: approval.fingerprint, escalationLevel: approval.escalationLevel });
  if (claimed === undefined) return false;
  const material = await gatherReviewMaterial(context.engine, approval);
  let rootTs = claimed.root_ts;
  if (rootTs === null) {
    const root = await context.client.chat.postMessage({ channel: claimed.channel, ...validatedMessage(approvalRootMessage(material)) });
    rootTs = root.ts ?? null;
    if (rootTs === null) throw new Error('chat.postMessage returned no ts');
    await context.cards.setRoot(approval.id, rootTs);
  }
  const card = await context.client.chat.postMessage({ channel: claimed.channel, thread_ts: rootTs, ...validatedMessage(approvalCardMessage(material)) });
  if (card.ts === undefined) throw new Error('chat.postMessage returned no ts');
  await context.cards.open(approval.id, card.ts, await permalinkOf(context, claimed.channel, card.ts));
  context.logger.info({ approvalId: approval.id, runId: approval.runId, traceId: approval.traceId, channel: claimed.channel }, 'approval card posted');
  return true;
}

/** The card's link for other surfaces (MCP run handles, the CLI); a card without one still works, so a failure is only logged. */
async function permalinkOf(context: SlackContext, channel: string, ts: string): Promise<string | null> {
  try {
    const { permalink } = await context.client.chat.getPermalink({ channel, message_ts: ts });
    return typeof permalink === 'string' && permalink.startsWith('https://') ? permalink : null;
  } catch (error) {
    context.logger.warn({ channel, ts, err: error }, 'no permalink for the approval card');
    return null;
  }
}

/** Updates a decided approval's card, and its escalation card, in place (buttons gone; who, when, what changed). Once per card. */
export async function closeCard(context: SlackContext, approval: ApprovalView): Promise<boolean> {
  if (approval.status === 'pending') return false;
  // The escalation card first: a failure leaves the first card open too, so the next sync tries both again.
  const escalation = await closeEscalationCard(context, approval);
  const card = await context.cards.get(approval.id);
  if (card?.state !== 'open' || card.card_ts === null) return escalation;
  const material = await gatherReviewMaterial(context.engine, approval);
  // Update first, then mark closed: a failed update leaves the card open for the next sync; two closers write the same content.
  await context.client.chat.update({ channel: card.channel, ts: card.card_ts, ...validatedMessage(decidedCardMessage(material)) });
  if (!(await context.cards.close(approval.id, approval.status))) return false;
  context.logger.info({ approvalId: approval.id, runId: approval.runId, traceId: approval.traceId, status: approval.status }, 'approval card closed');
  return true;
}
