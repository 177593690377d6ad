import { z } from 'zod';
import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import type { SlackModal } from './block-kit-schema.js';
import { plain, section, truncate } from './block-text.js';
import { editFields, fieldBlock } from './edit-form.js';

export const APPROVAL_VIEWS = { edit: 'approval.edit', reject: 'approval.reject' } as const;
export const REASON_BLOCK = 'reason';

/** What a modal remembers between opening and submission: the approval, the version shown, and the card to update. */
export const ModalMetadataSchema = z.object({ approvalId: z.string().min(1), fingerprint: z.string().min(1), channel: z.string().optional(), cardTs: z.string().optional() });
export type ModalMetadata = z.infer<typeof ModalMetadataSchema>;

export function editModal(approval: ApprovalView, metadata: ModalMetadata): SlackModal {
  const fields = editFields(approval.editSchema, approval.payload);
  return {
    type: 'modal',
    callback_id: APPROVAL_VIEWS.edit,
    title: plain(`Edit ${approval.action}`, 24),
    submit: plain('Approve edited', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(metadata),
    blocks: [section(truncate(`Edit *${approval.action}* for run \`${approval.runId}\`. Submitting approves your version; it is checked against the same schema.`, 3_000)), ...fields.map(fieldBlock)],
  };
}

export function rejectModal(approval: ApprovalView, metadata: ModalMetadata): SlackModal {
  return {
    type: 'modal',
    callback_id: APPROVAL_VIEWS.reject,
    title: plain('Reject', 24),
    submit: plain('Reject', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      section(`Reject *${approval.action}* for run \`${approval.runId}\`. The run ends, and your reason is recorded.`),
      { type: 'input', block_id: REASON_BLOCK, label: plain('Why?'), element: { type: 'plain_text_input', action_id: 'value', multiline: true, min_length: 1, max_length: 2_000 } },
    ],
  };
}
