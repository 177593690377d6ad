import type { RunPage, RunStatus } from '../../src/store/index.js';
import { html, type SafeHtml } from '../html.js';
import { statusBadge } from '../layout.js';
import { formatDuration, formatUsd, formatWhen } from './formats.js';

export const RUN_STATUSES: readonly RunStatus[] = ['queued', 'running', 'waiting_for_human', 'succeeded', 'partial', 'failed', 'cancelled'];

export interface RunsPageOptions {
  readonly base: string;
  readonly page: RunPage;
  readonly workflows: readonly string[];
  readonly filters: { readonly status: RunStatus | undefined; readonly workflow: string | undefined };
}

/** Runs newest first, filtered by status and workflow, a page at a time. */
export function runsPage(options: RunsPageOptions): SafeHtml {
  const { base, page, filters } = options;
  const next = new URLSearchParams({ ...(filters.status === undefined ? {} : { status: filters.status }), ...(filters.workflow === undefined ? {} : { workflow: filters.workflow }), cursor: page.nextCursor ?? '' });
  return html`<h1>Runs</h1>
<form class="filters" method="get" action="${base}">
  <label>Status<br><select name="status"><option value="">any</option>${RUN_STATUSES.map((status) => html`<option value="${status}"${status === filters.status ? html` selected` : ''}>${status}</option>`)}</select></label>
  <label>Workflow<br><select name="workflow"><option value="">any</option>${options.workflows.map((name) => html`<option value="${name}"${name === filters.workflow ? html` selected` : ''}>${name}</option>`)}</select></label>
  <button type="submit">Filter</button>
</form>
<table id="runs"><thead><tr><th>Run</th><th>Workflow</th><th>Status</th><th>Created</th><th>Duration</th><th>Tokens in / out</th><th>Cost</th></tr></thead><tbody>
${page.runs.length === 0 ? html`<tr><td colspan="7">No run matches.</td></tr>` : ''}
${page.runs.map((run) => html`<tr data-run-id="${run.id}">
  <td><a href="${base}/runs/${run.id}"><code>${run.id.slice(0, 8)}</code></a>${run.simulated ? html` <small>simulated</small>` : ''}</td>
  <td>${run.name}</td><td>${statusBadge(run.status)}</td><td>${formatWhen(run.createdAt)}</td>
  <td>${run.finishedAt === null ? '-' : formatDuration(Date.parse(run.finishedAt) - Date.parse(run.createdAt))}</td>
  <td>${run.inputTokens} / ${run.outputTokens}</td><td>${formatUsd(run.costUsd)}</td></tr>`)}
</tbody></table>
${page.nextCursor === null ? '' : html`<p><a href="${base}?${next.toString()}">Older runs →</a></p>`}`;
}
