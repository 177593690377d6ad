import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import { html, type SafeHtml } from '../html.js';
import { approvalCard } from './approval-form.js';

/** The inbox: pending approvals, oldest first, each with the decide forms. */
export function approvalsPage(base: string, approvals: readonly ApprovalView[]): SafeHtml {
  return html`<h1>Pending approvals (${approvals.length})</h1>
${approvals.length === 0 ? html`<p>Nothing is waiting for a decision.</p>` : approvals.map((approval) => approvalCard(base, approval, { showRun: true }))}`;
}
