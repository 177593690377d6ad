import type { RunEvent } from '../store/index.js';
import type { CliIo } from './cli-io.js';
import { formatCost, formatLatency } from './format-table.js';

/** Writes one stderr line per run event it has not shown yet; stdout stays for the result. */
export interface Progress {
  show(events: readonly RunEvent[]): void;
  /** The newest event id shown (or skipped as already known). */
  readonly lastEventId: number;
}

export function createProgress(io: CliIo, since = 0): Progress {
  let lastEventId = since;
  return {
    show(events) {
      for (const event of events) {
        if (event.id <= lastEventId) continue;
        lastEventId = event.id;
        const line = describeEvent(event);
        if (line !== undefined) io.stderr.write(`  ${event.type.padEnd(22)} ${line}\n`);
      }
    },
    get lastEventId() {
      return lastEventId;
    },
  };
}

/** What a person watching wants from each event; undefined for events not worth a line. */
export function describeEvent(event: RunEvent): string | undefined {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof data[name] === 'string' || typeof data[name] === 'number' ? String(data[name]) : '?');
  const step = event.step ?? '';
  switch (event.type) {
    case 'run.started':
      return `${text('workflow')}@${text('version')}`;
    case 'step.queued':
      return `${step} (${text('agent')}, attempt ${text('attempt')})`;
    case 'step.completed':
      return `${step} (${formatLatency(typeof data['latencyMs'] === 'number' ? data['latencyMs'] : null)}, ${formatCost(typeof data['costUsd'] === 'number' ? data['costUsd'] : 0)})`;
    case 'step.failed':
      return `${step} (${text('code')}: ${text('message')})`;
    case 'approval.requested':
      return `${step} (${text('action')}, ${text('risk')} risk)`;
    case 'approval.decided':
      return `${step} (${text('outcome')} by ${text('by')} via ${text('via')}${typeof data['reason'] === 'string' ? `: ${data['reason']}` : ''})`;
    case 'approval.auto_approved':
    case 'approval.notified':
      return `${step} (${text('action')}, by ${text('decidedBy')})`;
    case 'approval.expired':
      return step;
    default:
      if (event.type === 'run.created' || !event.type.startsWith('run.')) return undefined;
      return typeof data['by'] === 'string' ? `by ${data['by']}` : '';
  }
}
