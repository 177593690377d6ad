import type { SqlClient, StoredError } from '../../store/index.js';
import { jsonParam } from '../../store/run-sql.js';
import type { ModelUsage } from '../../model/model-types.js';
import { fingerprintOf } from '../approvals/fingerprint.js';
import type { QueuedStep } from '../planner/plan-types.js';

export interface QueuedStepRow {
  readonly id: string;
  readonly key: string;
  readonly agent: string;
  readonly attempt: number;
  readonly input: unknown;
  readonly timeoutMs: number | null;
}

/** Steps the plan queued, as pending rows; a key and attempt already present is left alone. */
export async function insertQueuedSteps(transaction: SqlClient, run: { id: string; traceId: string }, steps: readonly QueuedStep[]): Promise<QueuedStepRow[]> {
  if (steps.length === 0) return [];
  const values: (string | number | null)[] = [run.id, run.traceId];
  const rows = steps.map((step, index) => {
    values.push(crypto.randomUUID(), step.key, step.agent, step.attempt, `${run.id}:${step.key}:${step.attempt}`, jsonParam(step.input, `input of ${step.key}`), step.timeoutMs ?? null, fingerprintOf(step.input));
    const base = 3 + index * 8;
    return `($${base}, $1, $2, $${base + 1}, $${base + 2}, 'pending', $${base + 3}, $${base + 4}, $${base + 5}::jsonb, $${base + 6}, $${base + 7})`;
  });
  const { rows: inserted } = await transaction.query<{ id: string; name: string; agent: string; attempt: number; input: unknown; timeout_ms: number | null }>(
    `INSERT INTO steps (id, run_id, trace_id, name, agent, status, attempt, idempotency_key, input, timeout_ms, input_fingerprint)
     VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING RETURNING id, name, agent, attempt, input, timeout_ms`,
    values,
  );
  return inserted.map((row) => ({ id: row.id, key: row.name, agent: row.agent, attempt: row.attempt, input: row.input, timeoutMs: row.timeout_ms }));
}

export interface StepEnding {
  readonly status: 'succeeded' | 'failed';
  readonly output?: unknown;
  readonly error?: StoredError;
  readonly model?: string | undefined;
  readonly simulated: boolean;
  readonly usage?: ModelUsage | undefined;
  readonly costUsd: number;
  readonly latencyMs: number;
  readonly confidence?: number | undefined;
}

/** Ends a step once: a second ending (a redelivered job) changes nothing and says so. */
export async function finishStepRow(transaction: SqlClient, stepId: string, ending: StepEnding): Promise<{ key: string } | undefined> {
  const { rows } = await transaction.query<{ name: string }>(
    `UPDATE steps SET status = $2, output = $3::jsonb, error = $4::jsonb, model = $5, simulated = $6,
       input_tokens = $7, output_tokens = $8, cache_read_tokens = $9, cache_write_tokens = $10, cost_usd = $11,
       latency_ms = $12, confidence = $13, finished_at = now(), started_at = coalesce(started_at, now() - make_interval(secs => $12::int / 1000.0))
     WHERE id = $1 AND status IN ('pending', 'running') RETURNING name`,
    [
      stepId,
      ending.status,
      jsonParam(ending.output ?? null, 'step output'),
      jsonParam(ending.error ?? null, 'step error'),
      ending.model ?? null,
      ending.simulated,
      ending.usage?.inputTokens ?? 0,
      ending.usage?.outputTokens ?? 0,
      ending.usage?.cacheReadTokens ?? 0,
      ending.usage?.cacheWriteTokens ?? 0,
      ending.costUsd,
      ending.latencyMs,
      ending.confidence ?? null,
    ],
  );
  const row = rows[0];
  return row === undefined ? undefined : { key: row.name };
}

/** A step's current status, read only when a job is redelivered, to avoid running a finished step again. */
export async function readStepStatus(sql: SqlClient, stepId: string): Promise<string | undefined> {
  const { rows } = await sql.query<{ status: string }>('SELECT status FROM steps WHERE id = $1', [stepId]);
  return rows[0]?.status;
}
