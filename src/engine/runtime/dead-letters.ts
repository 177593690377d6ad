import { BatonError } from '../../errors/index.js';
import type { SqlClient } from '../../store/index.js';

export interface DeadLetter {
  readonly id: string;
  readonly runId: string | null;
  readonly traceId: string | null;
  readonly stepId: string | null;
  readonly source: string;
  readonly reason: { code: string; message: string };
  readonly payload: unknown;
  readonly status: 'open' | 'retried' | 'discarded';
  readonly createdAt: string;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
}

interface DeadLetterRow {
  id: string;
  run_id: string | null;
  trace_id: string | null;
  step_id: string | null;
  source: string;
  reason: { code: string; message: string };
  payload: unknown;
  status: DeadLetter['status'];
  created_at: Date | string;
  resolved_at: Date | string | null;
  resolved_by: string | null;
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    runId: row.run_id,
    traceId: row.trace_id,
    stepId: row.step_id,
    source: row.source,
    reason: row.reason,
    payload: row.payload,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at).toISOString(),
    resolvedBy: row.resolved_by,
  };
}

export async function listDeadLetters(sql: SqlClient, options: { status?: DeadLetter['status']; limit?: number } = {}): Promise<DeadLetter[]> {
  const { rows } = await sql.query<DeadLetterRow>(
    'SELECT * FROM dead_letters WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC LIMIT $2',
    [options.status ?? null, Math.min(Math.max(options.limit ?? 50, 1), 500)],
  );
  return rows.map(toDeadLetter);
}

export async function getDeadLetter(sql: SqlClient, id: string): Promise<DeadLetter> {
  const { rows } = await sql.query<DeadLetterRow>('SELECT * FROM dead_letters WHERE id = $1', [id]);
  const row = rows[0];
  if (row === undefined) throw new BatonError('not_found', `Dead letter ${id} does not exist.`, { details: { deadLetterId: id } });
  return toDeadLetter(row);
}

export async function discardDeadLetter(sql: SqlClient, id: string, by: string): Promise<void> {
  const { rows } = await sql.query<{ id: string }>(
    `UPDATE dead_letters SET status = 'discarded', resolved_at = now(), resolved_by = $2 WHERE id = $1 AND status = 'open' RETURNING id`,
    [id, by],
  );
  if (rows.length === 0) throw new BatonError('conflict', `Dead letter ${id} is not open (already retried or discarded, or unknown).`, { details: { deadLetterId: id } });
}
