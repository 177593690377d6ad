import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import type { WorkflowNode } from '../../src/engine/workflow/workflow-nodes.js';
import type { RunDetail } from '../../src/store/index.js';
import { html, prettyJson, type SafeHtml } from '../html.js';
import { statusBadge } from '../layout.js';
import { approvalCard } from './approval-form.js';
import { formatDuration, formatUsd, formatWhen } from './formats.js';
import { stepTimeline } from './step-timeline.js';
import { workflowGraph } from './workflow-graph.js';

export interface RunPageOptions {
  readonly base: string;
  readonly run: RunDetail;
  readonly approvals: readonly ApprovalView[];
  /** The workflow's tree when the run is a workflow run of a version still loaded. */
  readonly root: WorkflowNode | undefined;
  readonly now: number;
}

/** One run: its graph, its timeline, pending decisions, then every step with its input and output. */
export function runPage(options: RunPageOptions): SafeHtml {
  const { run, base } = options;
  const pending = options.approvals.filter((approval) => approval.status === 'pending');
  return html`<h1>${run.name} <small>v${run.version}</small> ${statusBadge(run.status)}</h1>
<p id="run-summary" data-run-status="${run.status}">Run <code>${run.id}</code> (trace <code>${run.traceId}</code>) · created ${formatWhen(run.createdAt)}
${run.finishedAt === null ? '' : ` · took ${formatDuration(Date.parse(run.finishedAt) - Date.parse(run.createdAt))}`} · ${run.inputTokens}/${run.outputTokens} tokens · ${formatUsd(run.costUsd)}${run.simulated ? ' · simulated (offline mode)' : ''}</p>
${run.error === null ? '' : html`<p class="notice error">${run.error.code}: ${run.error.message}</p>`}
<h2>Graph</h2>
${options.root === undefined ? html`<p>This run's workflow version is not loaded; its steps are below.</p>` : workflowGraph(options.root, { steps: run.steps, approvals: options.approvals })}
<h2>Timeline</h2>
${stepTimeline(run.steps, options.now)}
${pending.length === 0 ? '' : html`<h2>Waiting for a decision</h2>${pending.map((approval) => approvalCard(base, approval, { showRun: false }))}`}
<h2>Steps</h2>
<table id="steps"><thead><tr><th>Step</th><th>Agent</th><th>Status</th><th>Attempt</th><th>Latency</th><th>Tokens in / out</th><th>Cost</th><th>Model</th></tr></thead><tbody>
${run.steps.map((step) => html`<tr data-step="${step.name}" data-status="${step.status}">
  <td><code>${step.name}</code></td><td>${step.agent ?? '-'}</td><td>${statusBadge(step.status)}</td><td>${step.attempt}</td>
  <td>${formatDuration(step.latencyMs)}</td><td>${step.inputTokens} / ${step.outputTokens}</td><td>${formatUsd(step.costUsd)}</td><td>${step.model ?? '-'}</td></tr>
<tr><td colspan="8"><details><summary>Input and output of ${step.name}</summary>
  <strong>Input</strong><pre>${prettyJson(step.input)}</pre>
  <strong>${step.error === null ? 'Output' : 'Error'}</strong><pre>${prettyJson(step.error ?? step.output)}</pre></details></td></tr>`)}
</tbody></table>
${options.approvals.length - pending.length === 0 ? '' : html`<h2>Decisions</h2>${options.approvals.filter((approval) => approval.status !== 'pending').map((approval) => approvalCard(base, approval, { showRun: false }))}`}
<h2>Output</h2><pre id="run-output">${prettyJson(run.output)}</pre>`;
}
