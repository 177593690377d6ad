import type { MetricsSnapshot, Percentiles, WorkflowMetrics } from '../../metrics/index.js';
import { openMetrics } from '../../main/open-metrics.js';
import { printJson, printLine } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { formatCost, formatLatency, formatTable } from '../format-table.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const metricsCommand: CliCommand = {
  name: 'metrics',
  usage: 'baton metrics [--since 24h] [--workflow name] [--json]',
  summary: 'Orchestration health over a window: latency, checkpoint pass, conflicts, human intervention, critics, approvals, cost, queues',
  help: [
    'Computed from the store and the queues, per workflow and per agent, over the last --since (90m, 24h, 7d; default 24h).',
    'Rates are shares of what was measured; "-" means nothing was. The same figures are the MCP resource baton://metrics',
    'and, on baton serve, the Prometheus endpoint /metrics.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { since: { type: 'string', default: '24h' }, workflow: { type: 'string' }, json: { type: 'boolean', default: false } }, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const metrics = await openMetrics(await context.baton());
    try {
      const snapshot = await metrics.collect({ since: values.since, ...(values.workflow === undefined ? {} : { workflow: values.workflow }) });
      if (values.json) printJson(context.io, snapshot);
      else printLine(context.io, formatMetrics(snapshot));
      return EXIT.ok;
    } finally {
      await metrics.close();
    }
  },
};

export function formatMetrics(snapshot: MetricsSnapshot): string {
  const rows = [...snapshot.workflows, snapshot.total];
  const sections = [
    `Metrics for the last ${snapshot.window.span} (${snapshot.window.since} to ${snapshot.window.until})${snapshot.window.workflow === null ? '' : `, workflow ${snapshot.window.workflow}`}`,
    formatTable(
      ['workflow', 'runs', 'ok', 'partial', 'failed', 'waiting', 'latency p50', 'p95', 'checkpoint pass', 'human', 'conflicts', 'critic pass', 'iterations', 'cost/run', 'cost'],
      rows.map((row) => [
        row.workflow,
        String(row.runs),
        String(row.byStatus.succeeded),
        String(row.byStatus.partial),
        String(row.byStatus.failed),
        String(row.byStatus.waiting_for_human),
        ...percentiles(row.latencyMs),
        percent(row.checkpoint.passRate),
        percent(row.humanIntervention.rate),
        percent(row.conflicts.rate),
        percent(row.critic.passRate),
        row.critic.meanIterations === null ? '-' : row.critic.meanIterations.toFixed(1),
        row.costPerRunUsd === null ? '-' : formatCost(row.costPerRunUsd),
        formatCost(row.costUsd),
      ]),
    ),
    formatTable(['approvals', 'decided', 'approve', 'edit', 'reject', 'expired', 'pending', 'turnaround p50', 'p95'], rows.map(approvalRow)),
    formatTable(
      ['agent', 'steps', 'failed', 'checkpoint pass', 'repaired', 'latency p50', 'p95', 'tokens in', 'tokens out', 'cost'],
      snapshot.agents.map((agent) => [
        agent.agent,
        String(agent.steps),
        String(agent.failed),
        percent(agent.checkpoint.passRate),
        String(agent.checkpoint.repaired),
        ...percentiles(agent.latencyMs),
        String(agent.inputTokens),
        String(agent.outputTokens),
        formatCost(agent.costUsd),
      ]),
    ),
    formatTable(['queue', 'waiting', 'active', 'delayed', 'failed', 'oldest waiting'], snapshot.queues.map((queue) => [queue.queue, String(queue.waiting), String(queue.active), String(queue.delayed), String(queue.failed), formatLatency(queue.oldestWaitingAgeMs)])),
    `Cost per day: ${snapshot.costPerDay.length === 0 ? 'none' : snapshot.costPerDay.map((day) => `${day.day} ${formatCost(day.costUsd)}`).join(', ')}`,
    `Dead letters: ${snapshot.deadLetters.open} open, ${snapshot.deadLetters.createdInWindow} new in the window`,
    `Breakers: ${snapshot.breakers.length === 0 ? 'none has tripped' : snapshot.breakers.map((breaker) => `${breaker.name} ${breaker.state}`).join(', ')}`,
    `Uptime: Redis ${formatUptime(snapshot.uptime.redisSeconds)}${snapshot.uptime.processSeconds === null ? '' : `, this process ${formatUptime(snapshot.uptime.processSeconds)}`}`,
  ];
  return sections.join('\n\n');
}

function approvalRow(row: WorkflowMetrics): string[] {
  const { approvals } = row;
  return [
    row.workflow,
    String(approvals.decided),
    percent(approvals.shares.approve),
    percent(approvals.shares.edit),
    percent(approvals.shares.reject),
    String(approvals.expired),
    String(approvals.pending),
    ...percentiles(approvals.turnaroundMs),
  ];
}

function percentiles(values: Percentiles): [string, string] {
  return [formatLatency(rounded(values.p50)), formatLatency(rounded(values.p95))];
}

function rounded(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

function percent(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)}%`;
}

/** Seconds as the two largest units: `45 s`, `12 min 5 s`, `3 h 20 min`, `9 d 4 h`. */
export function formatUptime(seconds: number | null): string {
  if (seconds === null) return '-';
  const units: [string, number][] = [['d', 86_400], ['h', 3_600], ['min', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = Math.floor(seconds);
  for (const [unit, size] of units) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || (unit === 's' && parts.length === 0)) parts.push(`${amount} ${unit}`);
  }
  return parts.slice(0, 2).join(' ');
}
