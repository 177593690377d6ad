import type { App, ViewSubmitAction } from '@slack/bolt';
import type { Decision } from '../../src/engine/approvals/decide-approval.js';
import { toBatonError, type BatonError } from '../../src/errors/index.js';
import type { SlackContext } from '../app/slack-context.js';
import { APPROVAL_VIEWS, ModalMetadataSchema, REASON_BLOCK } from '../blocks/approval-modals.js';
import { blockForIssue, blockIdOf, editFields, readEditForm, type EditField } from '../blocks/edit-form.js';
import { refusal } from '../work/decide-job.js';

type Submission = ViewSubmitAction;
type Errors = Record<string, string>;

/**
 * Modal submissions. Slack shows field errors only in the ack of the submission, so the edit
 * is decided before the ack: one transaction, far inside the three seconds. An invalid edit
 * keeps the modal open with each error beside its field; the card's update goes on the queue.
 */
export function registerApprovalViews(app: App, context: SlackContext): void {
  app.view<Submission>(APPROVAL_VIEWS.edit, async ({ ack, body, view }) => {
    const metadata = ModalMetadataSchema.parse(JSON.parse(view.private_metadata));
    const approval = await context.engine.getApproval(metadata.approvalId);
    const fields = editFields(approval.editSchema, approval.payload);
    const form = readEditForm(fields, approval.payload, view.state.values);
    if (Object.keys(form.errors).length > 0) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    const errors = await decide(context, metadata, body.user.id, { decision: 'edit', payload: form.payload }, fields);
    if (errors !== undefined) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    await context.work.enqueue({ kind: 'card.refresh', approvalId: approval.id }, { id: `refresh-${approval.id}` });
  });

  app.view<Submission>(APPROVAL_VIEWS.reject, async ({ ack, body, view }) => {
    const metadata = ModalMetadataSchema.parse(JSON.parse(view.private_metadata));
    const reason = view.state.values[REASON_BLOCK]?.['value']?.value?.trim() ?? '';
    if (reason === '') {
      await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: 'Say why the item is rejected.' } });
      return;
    }
    // A rejection has nothing to validate inline: ack, and decide on the queue like a click.
    await ack();
    await context.work.enqueue(
      { kind: 'decide', approvalId: metadata.approvalId, fingerprint: metadata.fingerprint, decision: { decision: 'reject', reason }, user: { id: body.user.id }, channel: metadata.channel ?? context.channels.approvals },
      { id: `reject-${metadata.approvalId}-${body.user.id}-${view.id}` },
    );
  });
}

async function decide(context: SlackContext, metadata: { approvalId: string; fingerprint: string }, userId: string, decision: Decision, fields: readonly EditField[]): Promise<Errors | undefined> {
  const approval = await context.engine.getApproval(metadata.approvalId);
  const reviewer = await context.reviewers.reviewerFor(userId, approval);
  try {
    await context.engine.decide({ approvalId: metadata.approvalId, fingerprint: metadata.fingerprint, decision, reviewer: { ...reviewer, via: 'slack' } });
    return undefined;
  } catch (thrown) {
    const error = toBatonError(thrown);
    if (error.retryable) throw error;
    return errorsFor(error, fields, await context.engine.getApproval(metadata.approvalId));
  }
}

/** The engine's validation issues beside their fields; any other refusal on the first field, so the modal says why. */
function errorsFor(error: BatonError, fields: readonly EditField[], approval: Parameters<typeof refusal>[1]): Errors {
  const first = fields[0] === undefined ? blockIdOf([]) : blockIdOf(fields[0].path);
  const issues = error.code === 'input_invalid' ? ((error.details['issues'] as { field: string; message: string }[] | undefined) ?? []) : [];
  if (issues.length === 0) return { [first]: error.code === 'input_invalid' ? error.message : refusal(error, approval) };
  const errors: Errors = {};
  for (const issue of issues) {
    const block = blockForIssue(fields, issue.field) ?? first;
    errors[block] = errors[block] === undefined ? issue.message : `${errors[block]}; ${issue.message}`;
  }
  return errors;
}
