import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';

/**
 * The Slack message where an approval waits, when the store holds one. The Slack app records it
 * on the approval when it posts the card; until then (or without Slack) there is none, and the
 * caller is told so rather than given a guess.
 */
export function slackLinkOf(approval: ApprovalView): string | null {
  const recorded: unknown = (approval as ApprovalView & { slackLink?: unknown }).slackLink;
  return typeof recorded === 'string' && recorded.startsWith('https://') ? recorded : null;
}
