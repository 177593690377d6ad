import type { Step } from '../../src/store/index.js';
import { html, raw, type SafeHtml } from '../html.js';
import { formatDuration, formatUsd } from './formats.js';

/**
 * One row per step, its bar placed by when it started and ended on the run's clock: branches
 * that ran in parallel overlap, a pipeline's stages follow each other.
 */
export function stepTimeline(steps: readonly Step[], now: number): SafeHtml {
  const timed = steps.filter((step) => step.startedAt !== null);
  if (timed.length === 0) return html`<p>No step has started yet.</p>`;
  const starts = timed.map((step) => Date.parse(step.startedAt ?? ''));
  const origin = Math.min(...starts);
  const ends = timed.map((step) => (step.finishedAt === null ? now : Date.parse(step.finishedAt)));
  const span = Math.max(1, Math.max(...ends) - origin);
  return html`<div class="timeline" id="timeline">
<div class="row"><small>0 ms</small><small style="text-align:right">${formatDuration(span)}</small><small></small></div>
${timed.map((step, index) => {
  const left = (((starts[index] ?? origin) - origin) / span) * 100;
  const width = (((ends[index] ?? now) - (starts[index] ?? origin)) / span) * 100;
  // Positions are numbers computed here, so the style attribute carries no outside text.
  const style = raw(`left:${left.toFixed(2)}%;width:${width.toFixed(2)}%`);
  return html`<div class="row" data-step="${step.name}" data-start-offset-ms="${(starts[index] ?? origin) - origin}" data-duration-ms="${(ends[index] ?? now) - (starts[index] ?? origin)}">
  <code title="${step.name}">${step.name}${step.attempt > 1 ? ` (attempt ${step.attempt})` : ''}</code>
  <div class="track"><div class="bar ${step.status}" style="${style}"></div></div>
  <small>${formatDuration(step.latencyMs)} · ${step.inputTokens}/${step.outputTokens} tokens · ${formatUsd(step.costUsd)}</small></div>`;
})}
</div>`;
}
