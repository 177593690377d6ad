import { BatonError, toBatonError } from '../errors/index.js';
import { FINISHED_RUN_STATUSES, StoredErrorSchema, type RunEvent, type RunStatus, type StoredError } from './run-records.js';
import { toRunEvent, type RunEventRow, type RunRow } from './run-rows.js';
import type { AppendEventInput, RunOutcome, StepMeasurements } from './run-store-types.js';
import type { SqlClient } from './sql-client.js';

/** `pg` would send a JS array as a Postgres array, so JSON always goes as text cast with `::jsonb`. */
export function jsonParam(value: unknown, field: string): string | null {
  if (value === undefined) return null;
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new BatonError('input_invalid', `${field} cannot be stored: it is not JSON-serializable (${toBatonError(error).message}).`, {
      cause: error,
      details: { field },
    });
  }
}

/** Anything thrown, as stored; an error that is already in stored form (a planner's outcome) is kept as it is. */
export function storedError(error: unknown): StoredError {
  const stored = StoredErrorSchema.safeParse(error);
  return stored.success ? stored.data : toBatonError(error).toJSON();
}

export const FINISHED_STATUSES_SQL = FINISHED_RUN_STATUSES.map((status) => `'${status}'`).join(', ');

export function isFinished(status: string): boolean {
  return (FINISHED_RUN_STATUSES as readonly string[]).includes(status);
}

/** Reads the run and locks its row until the transaction ends, so concurrent writers queue. */
export async function lockRun(transaction: SqlClient, runId: string): Promise<RunRow> {
  const { rows } = await transaction.query<RunRow>('SELECT * FROM runs WHERE id = $1 FOR UPDATE', [runId]);
  const run = rows[0];
  if (run === undefined) throw new BatonError('not_found', `Run ${runId} does not exist.`, { details: { runId } });
  return run;
}

/** Takes the trace id from the run, so an event can never name a run that is not there. */
export async function insertEvent(sql: SqlClient, input: AppendEventInput): Promise<RunEvent> {
  const { rows } = await sql.query<RunEventRow>(
    `INSERT INTO run_events (run_id, trace_id, step, type, data)
     SELECT id, trace_id, $2, $3, $4::jsonb FROM runs WHERE id = $1
     RETURNING *`,
    [input.runId, input.step ?? null, input.type, jsonParam(input.data, 'event data')],
  );
  const row = rows[0];
  if (row === undefined) throw new BatonError('not_found', `Run ${input.runId} does not exist.`, { details: { runId: input.runId } });
  return toRunEvent(row);
}

const UPDATE_RUN = `
UPDATE runs SET
  cost_usd = cost_usd + $2,
  input_tokens = input_tokens + $3,
  output_tokens = output_tokens + $4,
  simulated = simulated OR $5,
  status = CASE WHEN status IN (${FINISHED_STATUSES_SQL}) THEN status ELSE coalesce($6::text, status) END,
  output = CASE WHEN status IN (${FINISHED_STATUSES_SQL}) THEN output ELSE coalesce($7::jsonb, output) END,
  error = CASE WHEN status IN (${FINISHED_STATUSES_SQL}) THEN error ELSE coalesce($8::jsonb, error) END,
  finished_at = CASE WHEN status NOT IN (${FINISHED_STATUSES_SQL}) AND $6::text IN (${FINISHED_STATUSES_SQL}) THEN now() ELSE finished_at END,
  started_at = CASE WHEN started_at IS NULL AND $6::text IS NOT NULL AND $6::text <> 'queued' THEN now() ELSE started_at END,
  updated_at = now()
WHERE id = $1
RETURNING *`;

/**
 * Adds a step's usage to the run's totals and applies the outcome, if any. On the right of SET,
 * `status` is the old value, so a finished run keeps its status, output and error.
 */
export async function updateRun(transaction: SqlClient, runId: string, measurements: StepMeasurements, outcome?: RunOutcome): Promise<RunRow> {
  const status: RunStatus | null = outcome?.status ?? null;
  const { rows } = await transaction.query<RunRow>(UPDATE_RUN, [
    runId,
    measurements.costUsd ?? 0,
    measurements.usage?.inputTokens ?? 0,
    measurements.usage?.outputTokens ?? 0,
    measurements.simulated ?? false,
    status,
    jsonParam(outcome?.output, 'run output'),
    outcome?.error === undefined ? null : jsonParam(storedError(outcome.error), 'run error'),
  ]);
  const row = rows[0];
  if (row === undefined) throw new BatonError('not_found', `Run ${runId} does not exist.`, { details: { runId } });
  return row;
}
