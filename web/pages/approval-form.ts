import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import { html, prettyJson, type SafeHtml } from '../html.js';
import { statusBadge } from '../layout.js';
import { formatWhen } from './formats.js';

/**
 * The decisions Slack offers, as plain forms: approve, edit (the payload as JSON, checked
 * against the approval's edit schema by the engine) and reject with a reason. The fingerprint of
 * what is shown goes with the decision, so a stale page is refused.
 */
export function approvalCard(base: string, approval: ApprovalView, options: { readonly showRun: boolean }): SafeHtml {
  const action = `${base}/approvals/${approval.id}/decide`;
  const hidden = html`<input type="hidden" name="fingerprint" value="${approval.fingerprint}"><input type="hidden" name="return" value="${options.showRun ? 'approvals' : 'run'}">`;
  return html`<section class="approval" data-approval-id="${approval.id}" style="background:#fff;border:1px solid #e3e6ea;padding:10px;margin-bottom:10px">
<div><strong>${approval.kind}: ${approval.action}</strong> at <code>${approval.key}</code> ${statusBadge(approval.status)} · risk ${approval.risk} · requested ${formatWhen(approval.requestedAt)}${approval.expiresAt === null ? '' : ` · expires ${formatWhen(approval.expiresAt)}`}
${options.showRun ? html` · run <a href="${base}/runs/${approval.runId}"><code>${approval.runId.slice(0, 8)}</code></a> (${approval.workflow ?? 'agent run'})` : ''}${approval.slackLink === null ? '' : html` · <a class="slack-link" href="${approval.slackLink}">open in Slack</a>`}</div>
<details open><summary>Payload</summary><pre>${prettyJson(approval.payload)}</pre></details>
${approval.context === null || approval.context === undefined ? '' : html`<details><summary>Context</summary><pre>${prettyJson(approval.context)}</pre></details>`}
${approval.status !== 'pending' ? html`<p>Decided by ${approval.decidedBy ?? '-'} at ${formatWhen(approval.decidedAt)}${approval.reason === null ? '' : `: ${approval.reason}`}</p>` : html`
<form class="inline" method="post" action="${action}">${hidden}<input type="hidden" name="decision" value="approve"><button type="submit" name="approve">Approve</button></form>
<form method="post" action="${action}">${hidden}<input type="hidden" name="decision" value="reject"><label>Reason <input name="reason" required></label> <button type="submit" name="reject">Reject</button></form>
<details><summary>Edit</summary><form method="post" action="${action}">${hidden}<input type="hidden" name="decision" value="edit"><textarea name="payload" rows="8">${prettyJson(approval.editedPayload ?? approval.payload)}</textarea><button type="submit" name="edit">Save edit and approve</button></form></details>`}
</section>`;
}
