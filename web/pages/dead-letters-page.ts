import type { DeadLetter } from '../../src/engine/runtime/dead-letters.js';
import { html, prettyJson, type SafeHtml } from '../html.js';
import { statusBadge } from '../layout.js';
import { formatWhen } from './formats.js';

/** Failed items with their agent, input and error; an open step failure can be retried (its run restarts from it) or discarded. */
export function deadLettersPage(base: string, letters: readonly DeadLetter[]): SafeHtml {
  return html`<h1>Dead letters</h1>
<table id="dead-letters"><thead><tr><th>When</th><th>Source</th><th>Run</th><th>Error</th><th>Status</th><th></th></tr></thead><tbody>
${letters.length === 0 ? html`<tr><td colspan="6">No dead letter.</td></tr>` : ''}
${letters.map((letter) => html`<tr data-dead-letter-id="${letter.id}">
  <td>${formatWhen(letter.createdAt)}</td><td>${letter.source}</td>
  <td>${letter.runId === null ? '-' : html`<a href="${base}/runs/${letter.runId}"><code>${letter.runId.slice(0, 8)}</code></a>`}</td>
  <td><strong>${letter.reason.code}</strong>: ${letter.reason.message}<details><summary>Payload</summary><pre>${prettyJson(letter.payload)}</pre></details></td>
  <td>${statusBadge(letter.status)}${letter.resolvedBy === null ? '' : html`<br><small>by ${letter.resolvedBy}</small>`}</td>
  <td>${letter.status !== 'open' ? '' : html`
    ${letter.runId === null ? '' : html`<form class="inline" method="post" action="${base}/dead-letters/${letter.id}/retry"><button type="submit">Retry</button></form>`}
    <form class="inline" method="post" action="${base}/dead-letters/${letter.id}/discard"><button type="submit">Discard</button></form>`}</td></tr>`)}
</tbody></table>`;
}
