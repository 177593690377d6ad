import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import { BatonError } from '../../src/errors/index.js';
import type { SlackContext } from '../app/slack-context.js';
import { APPROVAL_ACTIONS, parseApprovalButtonValue } from '../blocks/approval-card-blocks.js';
import { editModal, rejectModal } from '../blocks/approval-modals.js';
import { validatedModal } from '../blocks/validated-message.js';
import { refusal } from '../work/decide-job.js';

type Click = BlockAction<ButtonAction>;

/** A job id per click: Slack's retry of the same click is the same job; two people's clicks are two jobs, and the engine picks one. */
const clickId = (kind: string, approvalId: string, body: Click, action: ButtonAction) => `${kind}-${approvalId}-${body.user.id}-${action.action_ts}`.replaceAll(':', '_');

/**
 * The card's buttons. Approve and a category pick ack at once and go on the queue. Edit and
 * Reject open a modal, which must happen within the click's three-second trigger window, so the
 * checks a modal would waste (decided, stale, not a reviewer) are made first and answered ephemerally.
 */
export function registerApprovalActions(app: App, context: SlackContext): void {
  app.action<Click>(APPROVAL_ACTIONS.approve, async ({ ack, body, action }) => {
    await ack();
    const value = parseApprovalButtonValue(action.value ?? '');
    if (value === undefined) return;
    const channel = body.channel?.id ?? context.channels.approvals;
    await context.work.enqueue({ kind: 'decide', approvalId: value.approvalId, fingerprint: value.fingerprint, decision: { decision: 'approve' }, user: { id: body.user.id }, channel }, { id: clickId('decide', value.approvalId, body, action) });
  });

  app.action<Click>(new RegExp(`^${APPROVAL_ACTIONS.pick.replaceAll('.', '\\.')}\\.\\d+$`), async ({ ack, body, action }) => {
    await ack();
    const value = parseApprovalButtonValue(action.value ?? '');
    if (value?.extra === undefined) return;
    const channel = body.channel?.id ?? context.channels.approvals;
    await context.work.enqueue({ kind: 'pick', approvalId: value.approvalId, fingerprint: value.fingerprint, category: value.extra, user: { id: body.user.id }, channel }, { id: clickId('pick', value.approvalId, body, action) });
  });

  for (const [actionId, modal] of [[APPROVAL_ACTIONS.edit, editModal], [APPROVAL_ACTIONS.reject, rejectModal]] as const) {
    app.action<Click>(actionId, async ({ ack, body, action }) => {
      await ack();
      const value = parseApprovalButtonValue(action.value ?? '');
      if (value === undefined) return;
      const channel = body.channel?.id ?? context.channels.approvals;
      const approval = await context.engine.getApproval(value.approvalId);
      const refused = await refuseEarly(context, approval, value.fingerprint, body.user.id);
      if (refused !== undefined) {
        await context.client.chat.postEphemeral({ channel, user: body.user.id, text: refused });
        return;
      }
      const metadata = { approvalId: approval.id, fingerprint: value.fingerprint, channel, ...(body.message?.ts === undefined ? {} : { cardTs: body.message.ts }) };
      await context.client.views.open({ trigger_id: body.trigger_id, view: validatedModal(modal(approval, metadata)) });
    });
  }
}

/** The engine's own refusals, checked before a modal opens; the engine checks again when the modal is submitted. */
async function refuseEarly(context: SlackContext, approval: ApprovalView, fingerprint: string, userId: string): Promise<string | undefined> {
  if (approval.status !== 'pending') return refusal(new BatonError('conflict', 'already decided', { details: { reason: 'already_decided' } }), approval);
  if (approval.fingerprint !== fingerprint) return refusal(new BatonError('conflict', 'stale', { details: { reason: 'stale_fingerprint' } }), approval);
  const { reviewers } = approval;
  if (reviewers.users.length === 0 && reviewers.groups.length === 0) return undefined;
  const reviewer = await context.reviewers.reviewerFor(userId, approval);
  if (reviewers.users.includes(userId) || reviewer.groups.length > 0) return undefined;
  const names = [...reviewers.users.map((user) => `<@${user}>`), ...reviewers.groups.map((group) => `<!subteam^${group}>`)].join(', ');
  return `You are not a reviewer for ${approval.action}, so nothing was decided. Reviewers: ${names}.`;
}
