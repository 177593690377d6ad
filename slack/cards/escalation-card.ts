import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import type { SlackContext } from '../app/slack-context.js';
import { approvalCardMessage, approvalRootMessage, decidedCardMessage } from '../blocks/approval-card-blocks.js';
import { validatedMessage } from '../blocks/validated-message.js';
import type { CardRow, NoticeRow } from './card-store.js';
import { gatherReviewMaterial } from './review-material.js';

const keyOf = (approvalId: string) => `escalation-card:${approvalId}`;

/** A DM's channel id starts with D: nobody but its member sees a card there. */
const isDirectMessage = (channel: string) => channel.startsWith('D');

/**
 * Where the escalation reviewers decide: the policy's `escalateTo.channel`, or the approvals
 * channel when the first card sits in the owner's DM (the escalation reviewers could not see
 * it). Undefined when they decide in the first card's own thread.
 */
export function escalationChannel(context: SlackContext, approval: ApprovalView, card: CardRow): string | undefined {
  const channel = approval.reviewers.channel ?? (isDirectMessage(card.channel) ? context.channels.approvals : undefined);
  return channel === undefined || channel === card.channel ? undefined : channel;
}

/**
 * Posts the escalated approval's own card, with the decide buttons, where the escalation
 * reviewers are: a thread root saying it was escalated, then the item in the thread. Once per
 * approval: the notice is claimed first and the root's timestamp kept as soon as Slack returns
 * it, so a failure between the posts resumes with the card instead of a second root.
 */
export async function postEscalationCard(context: SlackContext, approval: ApprovalView, card: CardRow): Promise<boolean> {
  const channel = escalationChannel(context, approval, card);
  if (approval.escalationLevel === 0 || channel === undefined) return false;
  const key = keyOf(approval.id);
  const notice = (await context.cards.claimNotice({ key, kind: 'escalation_card', channel, state: 'posting', data: { approvalId: approval.id } })) ?? (await context.cards.claimStaleNotice(key));
  if (notice === undefined) return false;
  const material = await gatherReviewMaterial(context.engine, approval);
  let rootTs = typeof notice.data['rootTs'] === 'string' ? notice.data['rootTs'] : undefined;
  if (rootTs === undefined) {
    const root = await context.client.chat.postMessage({ channel: notice.channel, ...validatedMessage(approvalRootMessage(material, { escalated: true })) });
    if (root.ts === undefined) throw new Error('chat.postMessage returned no ts');
    rootTs = root.ts;
    await context.cards.updateNotice(key, { data: { approvalId: approval.id, rootTs } });
  }
  const posted = await context.client.chat.postMessage({ channel: notice.channel, thread_ts: rootTs, ...validatedMessage(approvalCardMessage(material)) });
  if (posted.ts === undefined) throw new Error('chat.postMessage returned no ts');
  await context.cards.updateNotice(key, { ts: posted.ts, state: 'open' });
  context.logger.info({ approvalId: approval.id, runId: approval.runId, traceId: approval.traceId, channel: notice.channel }, 'escalation card posted');
  return true;
}

/** The escalation card's thread, for reminders after an escalation; undefined when there is none. */
export async function escalationThread(context: SlackContext, approvalId: string): Promise<{ channel: string; rootTs: string } | undefined> {
  const notice = await context.cards.getNotice(keyOf(approvalId));
  const rootTs = notice?.data['rootTs'];
  return notice?.state === 'open' && typeof rootTs === 'string' ? { channel: notice.channel, rootTs } : undefined;
}

/** Rewrites a decided approval's escalation card like its first card: no buttons, the outcome. Once. */
export async function closeEscalationCard(context: SlackContext, approval: ApprovalView): Promise<boolean> {
  const notice: NoticeRow | undefined = await context.cards.getNotice(keyOf(approval.id));
  if (notice?.state !== 'open' || notice.ts === null) return false;
  const material = await gatherReviewMaterial(context.engine, approval);
  await context.client.chat.update({ channel: notice.channel, ts: notice.ts, ...validatedMessage(decidedCardMessage(material)) });
  await context.cards.updateNotice(notice.key, { state: 'done' });
  return true;
}
