import { createHash } from 'node:crypto';

/**
 * A run's trace id is its run id (or its triggering event's trace); OpenTelemetry wants 32 hex
 * characters, which a UUID is without its dashes. Anything else is hashed to that shape, the same
 * way every time, so each process exporting spans of one run agrees on its trace.
 */
export function otelTraceIdOf(traceId: string): string {
  const compact = traceId.replaceAll('-', '').toLowerCase();
  if (/^[0-9a-f]{32}$/.test(compact) && !/^0+$/.test(compact)) return compact;
  return createHash('sha256').update(traceId).digest('hex').slice(0, 32);
}

/** The run's own span id, derived from its id: step spans name it as their parent before the run span itself is exported. */
export function runSpanIdOf(runId: string): string {
  return createHash('sha256').update(`run:${runId}`).digest('hex').slice(0, 16);
}
