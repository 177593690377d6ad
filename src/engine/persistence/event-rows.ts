import { jsonParam } from '../../store/run-sql.js';
import type { SqlClient } from '../../store/index.js';

export interface RunEventInput {
  readonly type: string;
  readonly step?: string | undefined;
  readonly data?: unknown;
}

/** All of one transaction's events in one statement: a step's completion writes several. */
export async function insertEvents(transaction: SqlClient, run: { id: string; traceId: string }, events: readonly RunEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const values: (string | null)[] = [run.id, run.traceId];
  const rows = events.map((event, index) => {
    values.push(event.step ?? null, event.type, jsonParam(event.data ?? null, `event ${event.type}`));
    const base = 3 + index * 3;
    return `($1, $2, $${base}, $${base + 1}, $${base + 2}::jsonb)`;
  });
  await transaction.query(`INSERT INTO run_events (run_id, trace_id, step, type, data) VALUES ${rows.join(', ')}`, values);
}
