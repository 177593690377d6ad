import { describe, expect, it } from 'vitest';
import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import { approvalCard } from './approval-form.js';

const approval: ApprovalView = {
  id: 'appr-1', runId: 'run-1', traceId: 'run-1', workflow: 'write_cold_sequence', key: 'sequence/approve', kind: 'gate', action: 'send_sequence', risk: 'high', status: 'pending',
  payload: { subject: 'Your Series B' }, fingerprint: 'f1', reviewers: { users: ['U1'], groups: [] }, context: null, editSchema: null,
  requestedAt: '2026-11-22T05:00:00.000Z', expiresAt: null, escalationLevel: 0, decidedBy: null, decidedAt: null, editedPayload: undefined, reason: null, slackLink: null,
};

describe('approvalCard', () => {
  it('links to the Slack card where reviewers decide, when the Slack app posted one', () => {
    const link = 'https://acme.slack.com/archives/C1/p1700000000000100?thread_ts=1700000000.000050&cid=C1';
    const page = approvalCard('/inspector', { ...approval, slackLink: link }, { showRun: true }).text;
    expect(page).toContain(`<a class="slack-link" href="${link.replaceAll('&', '&amp;')}">open in Slack</a>`);
  });

  it('shows no Slack link before a card is posted', () => {
    expect(approvalCard('/inspector', approval, { showRun: true }).text).not.toContain('slack-link');
  });
});
