import type { MetricsSnapshot, WorkflowMetrics } from '../../src/metrics/index.js';
import { html, type SafeHtml } from '../html.js';
import { statusBadge } from '../layout.js';
import { barChart } from './bar-chart.js';
import { formatDuration, formatPercent, formatUsd } from './formats.js';

/** The metrics overview: the headline figures per workflow, then small charts of the same snapshot. */
export function metricsPage(base: string, snapshot: MetricsSnapshot): SafeHtml {
  const rows = [...snapshot.workflows, snapshot.total];
  const per = (pick: (workflow: WorkflowMetrics) => number | null) => snapshot.workflows.map((workflow) => ({ label: workflow.workflow, value: pick(workflow) }));
  return html`<h1>Metrics, last ${snapshot.window.span}</h1>
<form class="filters" method="get" action="${base}/metrics"><label>Window<br><select name="since">${['1h', '24h', '7d', '30d'].map((span) => html`<option${span === snapshot.window.span ? html` selected` : ''}>${span}</option>`)}</select></label><button type="submit">Show</button></form>
<table id="metrics"><thead><tr><th>Workflow</th><th>Runs</th><th>Latency p50 / p95</th><th>Checkpoint pass</th><th>Human intervention</th><th>Conflicts</th><th>Critic pass / rounds</th><th>Approve / edit / reject</th><th>Turnaround p50</th><th>Cost per run</th></tr></thead><tbody>
${rows.map((row) => html`<tr data-workflow="${row.workflow}"><td>${row.workflow}</td><td>${row.runs}</td>
<td>${formatDuration(row.latencyMs.p50)} / ${formatDuration(row.latencyMs.p95)}</td><td>${formatPercent(row.checkpoint.passRate)}</td>
<td>${formatPercent(row.humanIntervention.rate)}</td><td>${formatPercent(row.conflicts.rate)}</td>
<td>${formatPercent(row.critic.passRate)} / ${row.critic.meanIterations === null ? '-' : row.critic.meanIterations.toFixed(1)}</td>
<td>${formatPercent(row.approvals.shares.approve)} / ${formatPercent(row.approvals.shares.edit)} / ${formatPercent(row.approvals.shares.reject)}</td>
<td>${formatDuration(row.approvals.turnaroundMs.p50)}</td><td>${formatUsd(row.costPerRunUsd)}</td></tr>`)}
</tbody></table>
<h2>Charts</h2>
<div class="charts">
${barChart('Runs per workflow', per((workflow) => workflow.runs), String)}
${barChart('End-to-end latency p95', per((workflow) => workflow.latencyMs.p95), formatDuration)}
${barChart('Checkpoint pass rate', per((workflow) => workflow.checkpoint.passRate), formatPercent)}
${barChart('Human intervention rate', per((workflow) => workflow.humanIntervention.rate), formatPercent)}
${barChart('Cost per day', snapshot.costPerDay.map((day) => ({ label: day.day, value: day.costUsd })), formatUsd)}
${barChart('Queue depth (waiting)', snapshot.queues.map((queue) => ({ label: queue.queue, value: queue.waiting })), String)}
</div>
<h2>Operations</h2>
<p>Dead letters: <a href="${base}/dead-letters">${snapshot.deadLetters.open} open</a>, ${snapshot.deadLetters.createdInWindow} new in the window.
Uptime: Redis ${snapshot.uptime.redisSeconds === null ? '-' : formatDuration(snapshot.uptime.redisSeconds * 1000)}${snapshot.uptime.processSeconds === null ? '' : `, this server ${formatDuration(snapshot.uptime.processSeconds * 1000)}`}.</p>
<p>Breakers: ${snapshot.breakers.length === 0 ? 'none has tripped.' : snapshot.breakers.map((breaker) => html`${breaker.name} ${statusBadge(breaker.state)} `)}</p>`;
}
