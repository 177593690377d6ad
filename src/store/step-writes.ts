import { randomUUID } from 'node:crypto';
import { BatonError } from '../errors/index.js';
import { OPEN_STEP_STATUSES, type Step } from './run-records.js';
import { toStep, type RunRow, type StepRow } from './run-rows.js';
import { insertEvent, isFinished, jsonParam, lockRun, storedError, updateRun } from './run-sql.js';
import type { CompleteStepInput, FailStepInput, StartStepInput } from './run-store-types.js';
import type { SqlClient } from './sql-client.js';

/** Each function here runs inside the caller's transaction; the run store opens it. */

const INSERT_STEP = `
INSERT INTO steps (id, run_id, trace_id, name, agent, status, attempt, idempotency_key, input, started_at)
VALUES ($1, $2, $3, $4, $5, 'running', $6, $7, $8::jsonb, now())
ON CONFLICT DO NOTHING
RETURNING *`;

async function insertStep(transaction: SqlClient, run: RunRow, input: StartStepInput): Promise<StepRow> {
  const id = input.id ?? randomUUID();
  const { rows } = await transaction.query<StepRow>(INSERT_STEP, [
    id,
    run.id,
    run.trace_id,
    input.name,
    input.agent ?? null,
    input.attempt ?? 1,
    input.idempotencyKey ?? null,
    jsonParam(input.input, 'step input'),
  ]);
  const row = rows[0];
  if (row !== undefined) return row;
  const key = input.idempotencyKey ?? '(none)';
  throw new BatonError('conflict', `Step ${id} was not started: a step with this id or idempotency key ${key} already exists.`, {
    details: { stepId: id, idempotencyKey: input.idempotencyKey },
  });
}

/** Opens a running step and marks its run running, inside the caller's transaction. */
export async function startStep(transaction: SqlClient, input: StartStepInput): Promise<Step> {
  const run = await lockRun(transaction, input.runId);
  if (isFinished(run.status)) {
    throw new BatonError('conflict', `Run ${run.id} is ${run.status}; no new step can start.`, {
      details: { runId: run.id, status: run.status },
    });
  }
  await transaction.query(
    `UPDATE runs SET status = 'running', started_at = coalesce(started_at, now()), updated_at = now() WHERE id = $1`,
    [run.id],
  );
  const row = await insertStep(transaction, run, input);
  const data = { stepId: row.id, attempt: row.attempt, agent: row.agent };
  await insertEvent(transaction, { runId: run.id, step: row.name, type: 'step.started', data });
  return toStep(row);
}

type StepEnding = (CompleteStepInput & { readonly status: 'succeeded' }) | (FailStepInput & { readonly status: 'failed' });

const FINISH_STEP = `
UPDATE steps SET
  status = $2, output = $3::jsonb, error = $4::jsonb, model = coalesce($5, model), simulated = simulated OR $6,
  input_tokens = $7, output_tokens = $8, cache_read_tokens = $9, cache_write_tokens = $10,
  cost_usd = $11, latency_ms = $12, confidence = $13, finished_at = now()
WHERE id = $1 AND status IN (${OPEN_STEP_STATUSES.map((status) => `'${status}'`).join(', ')})
RETURNING *`;

async function writeStepEnding(transaction: SqlClient, ending: StepEnding): Promise<StepRow | undefined> {
  const { rows } = await transaction.query<StepRow>(FINISH_STEP, [
    ending.stepId,
    ending.status,
    ending.status === 'succeeded' ? jsonParam(ending.output, 'step output') : null,
    ending.status === 'failed' ? jsonParam(storedError(ending.error), 'step error') : null,
    ending.model ?? null,
    ending.simulated ?? false,
    ending.usage?.inputTokens ?? 0,
    ending.usage?.outputTokens ?? 0,
    ending.usage?.cacheReadTokens ?? 0,
    ending.usage?.cacheWriteTokens ?? 0,
    ending.costUsd ?? 0,
    ending.latencyMs ?? null,
    ending.status === 'succeeded' ? (ending.confidence ?? null) : null,
  ]);
  return rows[0];
}

function endingEventData(ending: StepEnding, step: StepRow): Record<string, unknown> {
  const common = {
    stepId: step.id,
    attempt: step.attempt,
    model: step.model,
    costUsd: Number(step.cost_usd),
    latencyMs: step.latency_ms,
    inputTokens: step.input_tokens,
    outputTokens: step.output_tokens,
  };
  if (ending.status === 'succeeded') return { ...common, confidence: step.confidence };
  const error = storedError(ending.error);
  return { ...common, code: error.code, message: error.message };
}

/**
 * Completes or fails a step: the step row, the run's totals and status, and the events are
 * written in the caller's transaction, so a failure anywhere leaves none of them behind. The
 * run is locked before the step is touched, the same order startStep uses, so the two cannot deadlock.
 */
export async function endStep(transaction: SqlClient, ending: StepEnding): Promise<Step> {
  const found = await transaction.query<Pick<StepRow, 'run_id'>>('SELECT run_id FROM steps WHERE id = $1', [ending.stepId]);
  const runId = found.rows[0]?.run_id;
  if (runId === undefined) throw new BatonError('not_found', `Step ${ending.stepId} does not exist.`, { details: { stepId: ending.stepId } });
  const before = await lockRun(transaction, runId);
  const step = await writeStepEnding(transaction, ending);
  if (step === undefined) {
    throw new BatonError('conflict', `Step ${ending.stepId} has already finished; it cannot be marked ${ending.status}.`, {
      details: { stepId: ending.stepId },
    });
  }
  const after = await updateRun(transaction, runId, ending, ending.run);
  const type = ending.status === 'succeeded' ? 'step.completed' : 'step.failed';
  await insertEvent(transaction, { runId, step: step.name, type, data: endingEventData(ending, step) });
  if (!isFinished(before.status) && isFinished(after.status)) {
    await insertEvent(transaction, { runId, type: 'run.finished', data: { status: after.status } });
  }
  return toStep(step);
}
