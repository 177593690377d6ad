import { randomUUID } from 'node:crypto';
import { BatonError } from '../errors/index.js';
import { currentTrace } from '../logging/index.js';
import type { Run } from './run-records.js';
import { toRun, type RunRow } from './run-rows.js';
import { insertEvent, isFinished, jsonParam, lockRun, updateRun } from './run-sql.js';
import type { CreateRunInput, FinishRunInput } from './run-store-types.js';
import type { SqlClient } from './sql-client.js';

const INSERT_RUN = `
INSERT INTO runs (id, trace_id, kind, name, version, status, input, simulated, parent_run_id)
VALUES ($1, $2, $3, $4, $5, 'queued', $6::jsonb, $7, $8)
ON CONFLICT (id) DO NOTHING
RETURNING *`;

async function assertParentExists(transaction: SqlClient, parentRunId: string): Promise<void> {
  const { rows } = await transaction.query('SELECT 1 FROM runs WHERE id = $1', [parentRunId]);
  if (rows.length === 0) {
    throw new BatonError('not_found', `Parent run ${parentRunId} does not exist; check parentRunId.`, { details: { parentRunId } });
  }
}

/** Inserts a queued run and its `run.created` event, inside the caller's transaction. */
export async function createRun(transaction: SqlClient, input: CreateRunInput): Promise<Run> {
  const id = input.id ?? randomUUID();
  const traceId = input.traceId ?? currentTrace()?.traceId ?? id;
  if (input.parentRunId !== undefined) await assertParentExists(transaction, input.parentRunId);
  const { rows } = await transaction.query<RunRow>(INSERT_RUN, [
    id, traceId, input.kind, input.name, input.version, jsonParam(input.input, 'run input'), input.simulated ?? false, input.parentRunId ?? null,
  ]);
  const row = rows[0];
  if (row === undefined) throw new BatonError('conflict', `Run ${id} already exists.`, { details: { runId: id } });
  await insertEvent(transaction, { runId: id, type: 'run.created', data: { kind: row.kind, name: row.name, version: row.version } });
  return toRun(row);
}

/** Ends a run with a final status and appends `run.finished`, inside the caller's transaction. */
export async function finishRun(transaction: SqlClient, input: FinishRunInput): Promise<Run> {
  if (!isFinished(input.status)) {
    throw new BatonError('input_invalid', `status ${input.status} does not finish a run; use succeeded, partial, failed or cancelled.`, {
      details: { field: 'status' },
    });
  }
  const before = await lockRun(transaction, input.runId);
  if (isFinished(before.status)) {
    throw new BatonError('conflict', `Run ${input.runId} has already finished as ${before.status}.`, {
      details: { runId: input.runId, status: before.status },
    });
  }
  const after = await updateRun(transaction, input.runId, {}, input);
  await insertEvent(transaction, { runId: input.runId, type: 'run.finished', data: { status: after.status } });
  return toRun(after);
}
