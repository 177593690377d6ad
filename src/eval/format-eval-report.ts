import type { DriftReport } from './drift.js';
import type { EvalOutcome } from './evaluate-golden-sets.js';
import type { WorkflowEval } from './eval-run-store.js';

const HEADER = ['workflow', 'cases', 'passed', 'schema', 'rules', 'critic', 'iterations', 'agreement', 'drift'];

/** The eval as a table a person reads: one row per workflow, then every failure and drift in words. */
export function formatEvalReport(outcome: EvalOutcome): string {
  const rows = outcome.evaluations.map(rowOf);
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const cases = outcome.evaluations.reduce((sum, evaluation) => sum + evaluation.metrics.cases, 0);
  const passed = outcome.evaluations.reduce((sum, evaluation) => sum + evaluation.metrics.passed, 0);
  return [
    `baton eval: ${outcome.evaluations.length} workflow${outcome.evaluations.length === 1 ? '' : 's'}, ${cases} cases, ${outcome.mode === 'offline' ? 'offline simulator' : 'real model'} (batch ${outcome.batchId})`,
    '',
    line(HEADER),
    ...rows.map(line),
    '',
    ...outcome.evaluations.flatMap(details),
    `${passed}/${cases} cases passed${outcome.drifted ? '; drift flagged' : '; no drift'}.`,
  ].join('\n');
}

function rowOf(evaluation: WorkflowEval): string[] {
  const { metrics } = evaluation;
  return [
    evaluation.workflow,
    String(metrics.cases),
    `${metrics.passed}/${metrics.cases}`,
    percent(metrics.schemaValidity),
    percent(metrics.ruleCompliance),
    percent(metrics.criticPassRate),
    metrics.meanIterations === null ? '–' : metrics.meanIterations.toFixed(2),
    metrics.agreement === null ? '–' : metrics.agreement.toFixed(3),
    driftCell(evaluation.drift),
  ];
}

function driftCell(drift: DriftReport): string {
  if (drift.previousEvalRunId === null) return 'first eval';
  const flagged = drift.metrics.filter((metric) => metric.drifted).map((metric) => metric.metric);
  if (flagged.length === 0 && drift.cases.length === 0) return `none${drift.goldenChanged ? ' (golden set changed)' : ''}`;
  return `DRIFT: ${[...flagged, ...(drift.cases.length > 0 ? [`${drift.cases.length} case${drift.cases.length === 1 ? '' : 's'}`] : [])].join(', ')}`;
}

function details(evaluation: WorkflowEval): string[] {
  const failures = evaluation.results
    .filter((result) => !result.passed)
    .flatMap((result) => [`  ✗ ${evaluation.workflow}/${result.id} (run ${result.runId ?? 'none'}, ${result.status})`, ...result.failures.map((failure) => `      ${failure}`)]);
  const { drift } = evaluation;
  const drifted = [
    ...drift.metrics.filter((metric) => metric.drifted).map((metric) => `  ↓ ${evaluation.workflow} ${metric.metric}: ${metric.previous} → ${metric.current} (${metric.change > 0 ? '+' : ''}${metric.change}) since ${drift.previousAt ?? ''}`),
    ...drift.cases.map((entry) => `  ↓ ${evaluation.workflow}/${entry.id}: ${entry.problem}`),
  ];
  const lines = [...failures, ...drifted];
  return lines.length === 0 ? [] : [...lines, ''];
}

function percent(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)}%`;
}
