import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface HandWrittenRunOptions {
  readonly agent: string;
  readonly version: string;
  readonly input: unknown;
  readonly output: unknown;
  readonly model: string;
  readonly confidence: number;
}

const INSERT_RUN = `INSERT INTO runs (id, trace_id, kind, name, version, status, input, simulated, started_at)
VALUES ($1, $1, 'agent', $2, $3, 'running', $4::jsonb, true, now())`;
const INSERT_STEP = `INSERT INTO steps (id, run_id, trace_id, name, agent, status, idempotency_key, input, started_at)
VALUES ($1, $2, $2, $3, $3, 'running', $4, $5::jsonb, now())`;
const COMPLETE_STEP = `UPDATE steps SET status = 'succeeded', output = $2::jsonb, model = $3, simulated = true,
latency_ms = 0, confidence = $4, finished_at = now() WHERE id = $1`;
const FINISH_RUN = `UPDATE runs SET status = 'succeeded', output = $2::jsonb, finished_at = now(), updated_at = now() WHERE id = $1`;
const INSERT_EVENTS = `INSERT INTO run_events (run_id, trace_id, step, type, data) VALUES
($1, $1, NULL, 'run.created', $3::jsonb), ($1, $1, $2, 'step.started', $4::jsonb),
($1, $1, $2, 'step.completed', $5::jsonb), ($1, $1, NULL, 'run.finished', '{"status":"succeeded"}'::jsonb)`;

/**
 * The floor for a recorded agent run: the same rows createAgentRuns leaves (one run, one step,
 * four events) written by hand with `pg` and the fewest statements that keep the same two
 * commits: insert the run and its step, then finish step and run and add the events. No locks, no reads back, no RETURNING. The agent's own work (~0.1 ms in
 * offline mode) is left out: agent-runtime-overhead watches that.
 */
export function createHandWrittenRun(pool: pg.Pool, options: HandWrittenRunOptions): () => Promise<void> {
  const input = JSON.stringify(options.input);
  const output = JSON.stringify(options.output);
  return async () => {
    const runId = randomUUID();
    const stepId = randomUUID();
    const connection = await pool.connect();
    try {
      await connection.query('BEGIN');
      await connection.query(INSERT_RUN, [runId, options.agent, options.version, input]);
      await connection.query(INSERT_STEP, [stepId, runId, options.agent, `${runId}:${options.agent}:1`, input]);
      await connection.query('COMMIT');
      await connection.query('BEGIN');
      await connection.query(COMPLETE_STEP, [stepId, output, options.model, options.confidence]);
      await connection.query(FINISH_RUN, [runId, output]);
      await connection.query(INSERT_EVENTS, [
        runId,
        options.agent,
        JSON.stringify({ kind: 'agent', name: options.agent, version: options.version }),
        JSON.stringify({ stepId, attempt: 1, agent: options.agent }),
        JSON.stringify({ stepId, attempt: 1, model: options.model, confidence: options.confidence }),
      ]);
      await connection.query('COMMIT');
      connection.release();
    } catch (error) {
      // A connection in an unknown transaction state is dropped rather than pooled.
      connection.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  };
}
