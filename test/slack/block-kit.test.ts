import { describe, expect, it } from 'vitest';
import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import { digestMessage } from '../../slack/alerts/alert-blocks.js';
import { approvalCardMessage, approvalRootMessage, decidedCardMessage } from '../../slack/blocks/approval-card-blocks.js';
import { editModal, rejectModal } from '../../slack/blocks/approval-modals.js';
import { MessageSchema, ModalSchema } from '../../slack/blocks/block-kit-schema.js';
import { blockForIssue, editFields, readEditForm } from '../../slack/blocks/edit-form.js';
import type { ReviewMaterial } from '../../slack/cards/review-material.js';

const approval: ApprovalView = {
  id: 'appr-1',
  runId: 'run-1',
  traceId: 'run-1',
  workflow: 'write_cold_sequence',
  key: 'sequence/approve',
  kind: 'gate',
  action: 'send_sequence',
  risk: 'high',
  status: 'pending',
  payload: { emails: [{ subject: 'Your Series B', body: 'Saw the Series B news. Is hiring ahead of revenue on your radar?' }], signal: { summary: 'Series B of $45M', keywords: ['Series B'] }, confidence: 0.7 },
  fingerprint: 'f1',
  reviewers: { users: ['U1'], groups: ['S1'] },
  context: {},
  editSchema: {
    type: 'object',
    properties: {
      emails: { type: 'array', items: { type: 'object', properties: { subject: { type: 'string', maxLength: 200 }, body: { type: 'string', maxLength: 5_000 } } } },
      signal: { type: 'object', properties: { summary: { type: 'string', maxLength: 300 }, keywords: { type: 'array', items: { type: 'string' } } } },
      confidence: { type: 'number' },
    },
  },
  requestedAt: '2026-11-22T05:00:00.000Z',
  expiresAt: '2026-11-23T05:00:00.000Z',
  escalationLevel: 0,
  decidedBy: null,
  decidedAt: null,
  editedPayload: undefined,
  reason: null,
  slackLink: null,
};

const material: ReviewMaterial = {
  approval,
  runStatus: 'waiting_for_human',
  subject: 'Northwind Logistics',
  inputSummary: ['*brief*: {"account":{"name":"Northwind Logistics"}}'],
  rules: [{ name: 'word-count (code)', passed: true }, { name: 'no-pitch (model)', passed: false, detail: 'Email 1 pitches the product.' }],
  reasons: 'Built on the Series B signal',
  confidence: 0.7,
};

describe('Block Kit payloads', () => {
  it('renders the card, its root and its decided form within Slack limits', () => {
    const edited = { ...approval, status: 'edited' as const, decidedBy: 'U1', decidedAt: '2026-11-22T06:00:00.000Z', editedPayload: { ...(approval.payload as object), confidence: 0.9 } };
    const messages = { root: approvalRootMessage(material), card: approvalCardMessage(material), decided: decidedCardMessage({ ...material, approval: edited }) };
    for (const message of Object.values(messages)) expect(MessageSchema.safeParse(message).success).toBe(true);
    expect(messages).toMatchSnapshot();
  });

  it('renders the edit and reject modals within Slack limits', () => {
    const modals = { edit: editModal(approval, { approvalId: 'appr-1', fingerprint: 'f1' }), reject: rejectModal(approval, { approvalId: 'appr-1', fingerprint: 'f1' }) };
    for (const modal of Object.values(modals)) expect(ModalSchema.safeParse(modal).success).toBe(true);
    expect(modals).toMatchSnapshot();
  });

  it('renders the digest', () => {
    expect(digestMessage({ since: '2026-11-21T09:00:00.000Z', runs: { succeeded: 12, failed: 1 }, waiting: 3, decided: 10, approvedUnchanged: 8, costUsd: 1.234 })).toMatchSnapshot();
  });

  it('refuses what Slack would refuse: 51 blocks, 3001 characters of section text, a 76-character button', () => {
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
    expect(MessageSchema.safeParse({ text: 'x', blocks: Array.from({ length: 51 }, () => section('x')) }).success).toBe(false);
    expect(MessageSchema.safeParse({ text: 'x', blocks: [section('x'.repeat(3_001))] }).success).toBe(false);
    expect(MessageSchema.safeParse({ text: 'x', blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'x'.repeat(76) } }] }] }).success).toBe(false);
    expect(MessageSchema.safeParse({ text: 'x', blocks: [section('x'.repeat(3_000))] }).success).toBe(true);
  });

  it('reads an edited form back into the payload and places an issue beside its field', () => {
    const fields = editFields(approval.editSchema, approval.payload);
    expect(fields.map((field) => field.path.join('.'))).toEqual(['emails.0.subject', 'emails.0.body', 'signal.summary', 'signal.keywords', 'confidence']);
    const values = { 'field:emails.0.subject': { value: { value: 'New subject' } }, 'field:signal.keywords': { value: { value: 'Series B\n$45M\n' } }, 'field:confidence': { value: { value: 'abc' } } };
    const read = readEditForm(fields, approval.payload, values);
    expect(read.errors).toEqual({ 'field:confidence': 'Enter a number.' });
    expect(read.payload).toMatchObject({ emails: [{ subject: 'New subject' }], signal: { keywords: ['Series B', '$45M'] } });
    expect(blockForIssue(fields, 'signal.keywords.1')).toBe('field:signal.keywords');
    expect(blockForIssue(fields, 'emails.0.body')).toBe('field:emails.0.body');
  });
});
