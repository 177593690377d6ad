import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import type { Block } from './block-kit-schema.js';
import { escapeMarkdown, section, showValue, truncate } from './block-text.js';

const asRecord = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** Sections showing the item under review: emails as emails, a CRM change as a field-level diff, anything else as JSON. */
export function payloadBlocks(approval: ApprovalView, payload: unknown = approval.payload): Block[] {
  const record = asRecord(payload);
  // A sequence may sit at the top or one level down (`sequence.emails` beside per-contact values).
  const emails = record['emails'] ?? asRecord(record['sequence'])['emails'];
  if (Array.isArray(emails)) return [...emailBlocks(emails.map(asRecord)), ...contactsBlock(record['contacts'])];
  const changes = record['changes'];
  if (Array.isArray(changes)) return [section(diffText(changes.map(asRecord)))];
  if (approval.kind === 'review' && typeof record['category'] === 'string') return [section(`*Classified as* \`${record['category']}\``)];
  return [section(`\`\`\`${truncate(JSON.stringify(payload ?? null, null, 2), 2_900)}\`\`\``)];
}

function emailBlocks(emails: Record<string, unknown>[]): Block[] {
  const perEmail = Math.floor(2_800 / Math.max(emails.length, 1));
  return emails.slice(0, 10).map((email, index) =>
    section(`*Email ${index + 1}: ${escapeMarkdown(showValue(email['subject'], 150))}*\n${escapeMarkdown(truncate(showValue(email['body'], 5_000), perEmail))}`),
  );
}

function contactsBlock(contacts: unknown): Block[] {
  if (!Array.isArray(contacts) || contacts.length === 0) return [];
  const names = contacts.map(asRecord).map((contact) => `${showValue(contact['name'], 80)}${contact['title'] === undefined ? '' : ` (${showValue(contact['title'], 80)})`}`);
  return [section(`*To*: ${escapeMarkdown(truncate(names.join(', '), 2_900))}`)];
}

/** A CRM change as `Field: before → after`, one line per field. */
export function diffText(changes: readonly Record<string, unknown>[]): string {
  const lines = changes.map((change) => `*${String(change['field'])}*: ${escapeMarkdown(showValue(change['oldValue'], 300))} → ${escapeMarkdown(showValue(change['newValue'], 300))}`);
  return `*Proposed change*\n${lines.join('\n')}`;
}

/** What an edit changed, leaf by leaf (`emails.1.body`), for the decided card and the audit trail. */
export function changedFields(before: unknown, after: unknown, path = ''): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isContainer = (value: unknown) => value !== null && typeof value === 'object';
  if (!isContainer(before) || !isContainer(after)) return [path === '' ? '(the whole item)' : path];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].flatMap((key) => changedFields((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`));
}
