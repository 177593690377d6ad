import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import type { ReviewMaterial } from '../cards/review-material.js';
import type { Block, SlackMessage } from './block-kit-schema.js';
import { context, escapeMarkdown, header, percent, section, slackDate, truncate } from './block-text.js';
import { changedFields, payloadBlocks } from './payload-blocks.js';

export const APPROVAL_ACTIONS = { approve: 'approval.approve', edit: 'approval.edit', reject: 'approval.reject', pick: 'approval.pick' } as const;

/** A button's value: the approval and the fingerprint of the version shown, so a click on an old card is refused as stale. */
export function approvalButtonValue(approval: Pick<ApprovalView, 'id' | 'fingerprint'>, extra?: string): string {
  return [approval.id, approval.fingerprint, ...(extra === undefined ? [] : [extra])].join('|');
}

export function parseApprovalButtonValue(value: string): { approvalId: string; fingerprint: string; extra: string | undefined } | undefined {
  const [approvalId, fingerprint, extra] = value.split('|');
  if (approvalId === undefined || approvalId === '' || fingerprint === undefined || fingerprint === '') return undefined;
  return { approvalId, fingerprint, extra };
}

const KIND_LABEL: Record<ApprovalView['kind'], string> = { gate: 'Approval needed', review: 'Review needed', escalation: 'Escalation' };

/** The thread root: which run, which account, what is asked, and until when; an escalation's root says why it came to new reviewers. */
export function approvalRootMessage(material: ReviewMaterial, options: { readonly escalated?: boolean } = {}): SlackMessage {
  const { approval } = material;
  const about = material.subject === undefined ? '' : ` for ${material.subject}`;
  const title = `${options.escalated === true ? '⏫ Escalated' : KIND_LABEL[approval.kind]}: ${approval.action}${about}`;
  const why = options.escalated === true ? ' Nobody decided in time, so it came to you.' : '';
  return {
    text: truncate(title, 3_000),
    blocks: [
      header(title),
      section(`Run \`${approval.runId}\` (${approval.workflow ?? 'agent'}) waits at \`${approval.key}\`. Risk *${approval.risk}*.${why}`),
      context(`Expires ${approval.expiresAt === null ? 'never' : slackDate(approval.expiresAt)}`, reviewersText(approval)),
    ],
  };
}

function reviewersText(approval: ApprovalView): string {
  const names = [...approval.reviewers.users.map((user) => `<@${user}>`), ...approval.reviewers.groups.map((group) => `<!subteam^${group}>`)];
  const { owner } = approval.reviewers;
  const ownerText = owner === undefined ? '' : ` · ${owner.record.type} ${owner.record.id} is owned by ${owner.ownerReviewer === undefined ? `CRM user ${owner.ownerId}` : `<@${owner.ownerReviewer}>`}`;
  return `${names.length === 0 ? 'Anyone in the channel may decide' : `Reviewers: ${names.join(', ')}`}${ownerText}`;
}

/** The item itself, beside its input, the rules it was checked against, and the agent's reasons; then the buttons. */
export function approvalCardMessage(material: ReviewMaterial): SlackMessage {
  const { approval } = material;
  const blocks: Block[] = [...materialBlocks(material), { type: 'actions', block_id: 'approval', elements: actionButtons(material) }];
  return { text: `${approval.action}: approve, edit or reject`, blocks };
}

function actionButtons(material: ReviewMaterial): Extract<Block, { type: 'actions' }>['elements'] {
  const { approval } = material;
  const categories = classificationChoices(material);
  if (categories.length > 0) {
    return categories.slice(0, 3).map((choice, index) => ({
      type: 'button' as const,
      action_id: `${APPROVAL_ACTIONS.pick}.${index}`,
      text: { type: 'plain_text' as const, text: truncate(choice.confidence === undefined ? choice.category : `${choice.category} (${percent(choice.confidence)})`, 75) },
      value: approvalButtonValue(approval, choice.category),
      ...(index === 0 ? { style: 'primary' as const } : {}),
    }));
  }
  const value = approvalButtonValue(approval);
  return [
    { type: 'button', action_id: APPROVAL_ACTIONS.approve, text: { type: 'plain_text', text: 'Approve' }, style: 'primary', value },
    ...(approval.editSchema === null ? [] : [{ type: 'button' as const, action_id: APPROVAL_ACTIONS.edit, text: { type: 'plain_text' as const, text: 'Edit' }, value }]),
    { type: 'button', action_id: APPROVAL_ACTIONS.reject, text: { type: 'plain_text', text: 'Reject' }, style: 'danger', value },
  ];
}

/** The top categories of a low-confidence classification: the router's pick first, then the rest as the context lists them. */
export function classificationChoices(material: Pick<ReviewMaterial, 'approval'>): { category: string; confidence: number | undefined }[] {
  const context = material.approval.context as { categories?: unknown; classification?: { category?: unknown; confidence?: unknown; alternatives?: unknown } } | null;
  if (material.approval.kind !== 'review' || !Array.isArray(context?.categories)) return [];
  const predicted = typeof context.classification?.category === 'string' ? context.classification.category : undefined;
  const confidence = typeof context.classification?.confidence === 'number' ? context.classification.confidence : undefined;
  const alternatives = Array.isArray(context.classification?.alternatives) ? (context.classification.alternatives as { category?: unknown; confidence?: unknown }[]) : [];
  const scored = new Map<string, number | undefined>();
  if (predicted !== undefined) scored.set(predicted, confidence);
  for (const alternative of alternatives) if (typeof alternative.category === 'string') scored.set(alternative.category, typeof alternative.confidence === 'number' ? alternative.confidence : undefined);
  for (const category of context.categories) if (typeof category === 'string' && !scored.has(category)) scored.set(category, undefined);
  return [...scored].map(([category, score]) => ({ category, confidence: score }));
}

function materialBlocks(material: ReviewMaterial): Block[] {
  const { approval } = material;
  const confidence = material.confidence === undefined ? '' : `Confidence *${percent(material.confidence)}*`;
  const reasons = material.reasons === undefined ? '' : `Reasons: ${escapeMarkdown(material.reasons)}`;
  const rules = material.rules.map((rule) => `${rule.passed ? '✅' : '❌'} ${rule.name}${rule.detail === undefined ? '' : `: ${escapeMarkdown(rule.detail)}`}`);
  const reviewInput = approval.kind === 'review' ? (approval.context as { input?: unknown } | null)?.input : undefined;
  const inputLines = reviewInput === undefined ? material.inputSummary : [`\`\`\`${truncate(JSON.stringify(reviewInput, null, 2), 1_500)}\`\`\``, ...material.inputSummary];
  return [
    ...payloadBlocks(approval),
    ...(inputLines.length === 0 ? [] : [section(`*Input*\n${inputLines.join('\n')}`)]),
    ...(rules.length === 0 ? [] : [section(`*Checked against*\n${rules.join('\n')}`)]),
    ...(confidence === '' && reasons === '' ? [] : [context(confidence, reasons)]),
  ];
}

const OUTCOME_LABEL: Record<string, string> = { approved: '✅ Approved', edited: '✏️ Approved with edits', rejected: '🚫 Rejected', expired: '⌛ Expired', cancelled: '⏹ Cancelled' };

/** The card after its decision: the item as decided, no buttons, who decided, when, and what changed. */
export function decidedCardMessage(material: ReviewMaterial): SlackMessage {
  const { approval } = material;
  const label = OUTCOME_LABEL[approval.status] ?? approval.status;
  const who = approval.decidedBy === null ? '' : approval.decidedBy.startsWith('U') || approval.decidedBy.startsWith('W') ? ` by <@${approval.decidedBy}>` : ` by ${approval.decidedBy}`;
  const when = approval.decidedAt === null ? '' : ` ${slackDate(approval.decidedAt)}`;
  const changed = approval.status === 'edited' ? changedFields(approval.payload, approval.editedPayload) : [];
  const shown = approval.status === 'edited' ? approval.editedPayload : approval.payload;
  return {
    text: `${approval.action}: ${label}`,
    blocks: [
      ...payloadBlocks(approval, shown),
      section(`*${label}*${who}${when}`),
      ...(changed.length === 0 ? [] : [context(`Changed: ${changed.map((field) => `\`${field}\``).join(', ')}`)]),
      ...(approval.reason === null ? [] : [context(`Reason: ${escapeMarkdown(approval.reason)}`)]),
    ],
  };
}
