import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line, job, row and result of one run carries. A run's id is its trace id. */
export interface TraceContext {
  readonly traceId: string;
  readonly runId?: string;
  readonly step?: string;
}

const storage = new AsyncLocalStorage<TraceContext>();

export function currentTrace(): TraceContext | undefined {
  return storage.getStore();
}

/** Runs `work` with `context` merged over the current one, so a step inherits its run's ids. */
export function withTrace<T>(context: Partial<TraceContext>, work: () => T): T {
  const parent = storage.getStore();
  const traceId = context.traceId ?? parent?.traceId ?? newTraceId();
  return storage.run({ ...parent, ...context, traceId }, work);
}

export function newTraceId(): string {
  return randomUUID();
}
