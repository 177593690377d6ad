import type { RunEvent } from '../../src/store/index.js';

/** A progress line for the events a person following the run cares about; undefined for the rest. */
export function describeProgress(event: RunEvent): string | undefined {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof data[name] === 'string' || typeof data[name] === 'number' ? String(data[name]) : '?');
  const step = event.step ?? '';
  switch (event.type) {
    case 'step.completed':
      return `${step} completed${typeof data['latencyMs'] === 'number' ? ` in ${Math.round(data['latencyMs'])} ms` : ''}`;
    case 'step.failed':
      return `${step} failed (${text('code')}): ${text('message')}`;
    case 'approval.requested':
      return `waiting for a person to decide ${text('action')} at ${step} (${text('risk')} risk)`;
    case 'approval.decided':
      return `${step} ${text('outcome')} by ${text('by')} via ${text('via')}`;
    case 'approval.auto_approved':
      return `${step} approved by policy`;
    case 'approval.expired':
      return `the approval at ${step} expired`;
    case 'run.succeeded':
    case 'run.partial':
    case 'run.failed':
    case 'run.cancelled':
      return `run ${event.type.slice('run.'.length)}`;
    case 'run.finished':
      return `run ${text('status')}`;
    default:
      return undefined;
  }
}
