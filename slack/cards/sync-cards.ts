import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import { toBatonError } from '../../src/errors/index.js';
import type { SlackContext } from '../app/slack-context.js';
import { slackDate } from '../blocks/block-text.js';
import type { CardRow } from './card-store.js';
import { closeCard, postCard } from './deliver-card.js';
import { escalationChannel, escalationThread, postEscalationCard } from './escalation-card.js';

export interface CardSyncReport {
  readonly posted: number;
  readonly closed: number;
  readonly reminded: number;
  readonly escalated: number;
  readonly failed: number;
}

/**
 * Makes Slack match the store: every pending approval has a card (undelivered ones are posted),
 * every card of a decided, expired or cancelled approval is updated in place, escalations and
 * reminders are announced in the thread. Runs at start and then on a short schedule; the store
 * is the truth, so a restart or a lost job only delays a card, never loses or duplicates it.
 */
export async function syncCards(context: SlackContext): Promise<CardSyncReport> {
  const counts = { posted: 0, closed: 0, reminded: 0, escalated: 0, failed: 0 };
  const pending = await context.engine.listApprovals({ status: 'pending', limit: 500 });
  const unsettled = await context.cards.listUnsettled();
  const cards = new Map(unsettled.map((card) => [card.approval_id, card]));
  const attempt = async (approvalId: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      counts.failed += 1;
      context.logger.error({ approvalId, code: toBatonError(error).code, error: toBatonError(error).message }, 'Slack card sync failed for an approval; the next sync retries');
    }
  };
  for (const approval of pending) {
    const card = cards.get(approval.id);
    await attempt(approval.id, async () => {
      if (card === undefined || card.state === 'posting') {
        if (await postCard(context, approval)) counts.posted += 1;
        return;
      }
      if (await announceEscalation(context, approval, card)) counts.escalated += 1;
      else if (await remind(context, approval, card)) counts.reminded += 1;
      // Apart from the announcement, so a failed post is tried again by the next sync.
      await postEscalationCard(context, approval, card);
    });
  }
  const stillPending = new Set(pending.map((approval) => approval.id));
  for (const card of unsettled) {
    if (stillPending.has(card.approval_id) || card.state !== 'open') continue;
    await attempt(card.approval_id, async () => {
      const approval = await context.engine.getApproval(card.approval_id);
      if (approval.status !== 'pending' && (await closeCard(context, approval))) counts.closed += 1;
    });
  }
  return counts;
}

function mentions(reviewers: ApprovalView['reviewers']): string {
  const names = [...reviewers.users.map((user) => `<@${user}>`), ...reviewers.groups.map((group) => `<!subteam^${group}>`)];
  return names.length === 0 ? 'anyone in the channel' : names.join(' ');
}

/**
 * On expiry the engine hands the approval to the policy's escalation reviewers. The first thread
 * says so, mentioning them; where they have a channel of their own (or the first card sits in
 * the owner's DM) they get a card with the buttons there (see escalation-card.ts).
 */
async function announceEscalation(context: SlackContext, approval: ApprovalView, card: CardRow): Promise<boolean> {
  if (approval.escalationLevel <= card.escalation_level || card.root_ts === null) return false;
  if (!(await context.cards.markEscalated(approval.id, approval.escalationLevel))) return false;
  const until = approval.expiresAt === null ? '' : ` New deadline ${slackDate(approval.expiresAt)}.`;
  const elsewhere = escalationChannel(context, approval, card);
  const where = elsewhere === undefined ? '' : ` They decide on the card in <#${elsewhere}>.`;
  const text = `⏫ Escalated: nobody decided in time, so this now goes to ${mentions(approval.reviewers)}.${until}${where}`;
  await context.client.chat.postMessage({ channel: card.channel, thread_ts: card.root_ts, text, reply_broadcast: true });
  return true;
}

async function remind(context: SlackContext, approval: ApprovalView, card: CardRow): Promise<boolean> {
  if (approval.expiresAt === null || card.reminded_at !== null || card.root_ts === null) return false;
  const left = Date.parse(approval.expiresAt) - context.now().getTime();
  if (left > context.reminderMinutes * 60_000 || left <= 0) return false;
  if (!(await context.cards.markReminded(approval.id))) return false;
  const outcome = approval.escalationLevel === 0 && card.escalation_level === 0 ? 'then it is escalated or rejected per its policy' : 'then it is settled per its policy';
  // After an escalation, the reminder goes where the escalation reviewers decide.
  const thread = (approval.escalationLevel > 0 ? await escalationThread(context, approval.id) : undefined) ?? { channel: card.channel, rootTs: card.root_ts };
  await context.client.chat.postMessage({ channel: thread.channel, thread_ts: thread.rootTs, text: `⏰ Reminder for ${mentions(approval.reviewers)}: this expires ${slackDate(approval.expiresAt)}; ${outcome}.` });
  return true;
}
