import type { Figure } from './benchmark-types.js';

export interface BenchmarkReport {
  readonly name: string;
  readonly description: string;
  readonly durationMs: number;
  readonly figures: readonly Figure[];
  /** Set when the benchmark crashed; its figures are then whatever it had not yet reported (none). */
  readonly error?: string;
}

const HEADERS = ['figure', 'value', 'unit', 'baseline', 'ratio', 'target', 'result'] as const;

/** Four significant digits, without exponent notation for the sizes benchmarks produce. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0 || Math.abs(value) >= 1000) return value.toFixed(0);
  return Number(value.toPrecision(4)).toString();
}

function row(figure: Figure): string[] {
  const { baseline, target, ratio, pass } = figure;
  return [
    `  ${figure.name}`,
    formatNumber(figure.value),
    figure.unit,
    baseline === undefined ? '' : `${formatNumber(baseline.value)} (${baseline.name})`,
    ratio === undefined ? '' : `${ratio.toFixed(2)}x`,
    target === undefined ? '' : `${target.of} ${target.op} ${formatNumber(target.value)}`,
    pass === undefined ? '' : pass ? 'pass' : 'MISS',
  ];
}

function layout(rows: readonly (readonly string[])[]): string[] {
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  return rows.map((cells) =>
    cells
      .map((cell, column) => (column === 0 || column >= 3 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** The human-readable report: one heading line per benchmark, then one line per figure. */
export function renderTable(reports: readonly BenchmarkReport[]): string {
  const formatted = layout([[...HEADERS], ...reports.flatMap((report) => report.figures.map(row))]);
  const lines: string[] = [formatted[0] ?? ''];
  let next = 1;
  for (const report of reports) {
    lines.push('', `${report.name} (${(report.durationMs / 1000).toFixed(1)} s): ${report.error ?? report.description}`);
    for (let index = 0; index < report.figures.length; index += 1, next += 1) lines.push(formatted[next] ?? '');
  }
  const judged = reports.flatMap((report) => report.figures).filter((figure) => figure.pass !== undefined);
  const misses = judged.filter((figure) => figure.pass === false).length;
  const crashed = reports.filter((report) => report.error !== undefined).length;
  lines.push('', `${judged.length - misses}/${judged.length} targets met${crashed > 0 ? `; ${crashed} benchmark(s) crashed` : ''}`);
  return lines.join('\n');
}
