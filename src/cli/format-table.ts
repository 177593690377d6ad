/** Rows as aligned columns under upper-case headings, for the readable (non `--json`) listings. */
export function formatTable(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headings.map((heading) => heading.toUpperCase())), ...rows.map(line)].join('\n');
}

/** US dollars to four places: offline runs cost $0.0000, real ones fractions of a cent. */
export function formatCost(costUsd: number): string {
  return `$${costUsd.toFixed(4)}`;
}

/** A timestamp to the second, in UTC, readable in a column. */
export function formatTime(iso: string | null | undefined): string {
  return iso === null || iso === undefined ? '-' : `${iso.slice(0, 19).replace('T', ' ')}Z`;
}

export function formatLatency(latencyMs: number | null): string {
  if (latencyMs === null) return '-';
  return latencyMs < 1_000 ? `${latencyMs} ms` : `${(latencyMs / 1_000).toFixed(1)} s`;
}

/** One line of JSON, cut to `max` characters, for showing inputs and outputs in a listing. */
export function formatJsonLine(value: unknown, max = 160): string {
  const text = value === undefined ? 'null' : JSON.stringify(value);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
