import { html, raw, type SafeHtml } from '../html.js';

export interface Bar {
  readonly label: string;
  readonly value: number | null;
}

/**
 * A small horizontal bar chart as inline SVG: no script, no library, nothing fetched. Bars are
 * scaled to the largest value; a missing value is drawn as "-", never as zero.
 */
export function barChart(title: string, bars: readonly Bar[], format: (value: number) => string): SafeHtml {
  const rowHeight = 20;
  const labelWidth = 130;
  const barWidth = 130;
  const largest = Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  const height = Math.max(1, bars.length) * rowHeight + 4;
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight + 2;
    const width = bar.value === null || largest === 0 ? 0 : Math.max(1, (bar.value / largest) * barWidth);
    return html`<text x="0" y="${y + 13}" font-size="11">${bar.label.length > 20 ? `${bar.label.slice(0, 19)}…` : bar.label}</text>
<rect x="${labelWidth}" y="${y + 3}" width="${width.toFixed(1)}" height="12" fill="#4c7bd9"></rect>
<text x="${(labelWidth + width + 4).toFixed(1)}" y="${y + 13}" font-size="11">${bar.value === null ? '-' : format(bar.value)}</text>`;
  });
  return html`<div class="chart"><h3>${title}</h3>${bars.length === 0 ? html`<p>No data in the window.</p>` : html`<svg role="img" aria-label="${title}" width="100%" viewBox="0 0 ${labelWidth + barWidth + 80} ${height}">${raw(rows.map((row) => row.text).join(''))}</svg>`}</div>`;
}
