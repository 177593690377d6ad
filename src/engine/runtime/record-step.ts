import type { AgentResult } from '../../../agents/index.js';
import type { BatonError } from '../../errors/index.js';
import { jsonParam } from '../../store/run-sql.js';
import type { SqlClient } from '../../store/index.js';
import { finishStepRow } from '../persistence/step-rows.js';
import { advanceRun, type Advanced } from './advance-run.js';
import { commitAndEnqueue, type EngineContext } from './engine-context.js';
import type { StepJobData } from './step-job.js';

/**
 * A step's ending and the run's next move in one commit: the step row, the run's totals and
 * status, the next pending steps and approvals, and the events. A second ending for the same
 * step (a redelivered job) records nothing and only re-derives the next jobs, which the queue
 * deduplicates by step id.
 */
export async function recordStepSuccess(context: EngineContext, job: StepJobData, result: AgentResult<unknown> & { ok: true }): Promise<Advanced> {
  return commitAndEnqueue(context, async (transaction) => {
    const ended = await finishStepRow(transaction, job.stepId, {
      status: 'succeeded',
      output: result.output,
      model: result.model,
      simulated: result.simulated,
      usage: result.usage,
      costUsd: result.costUsd,
      latencyMs: result.latencyMs,
      confidence: result.confidence,
    });
    const measurements = ended === undefined ? undefined : { costUsd: result.costUsd, usage: result.usage, simulated: result.simulated };
    // `calls` is 2 when the first answer failed validation and was repaired: the checkpoint pass rate counts it.
    const events = ended === undefined ? [] : [{ type: 'step.completed', step: job.key, data: { stepId: job.stepId, attempt: job.attempt, model: result.model, costUsd: result.costUsd, latencyMs: result.latencyMs, confidence: result.confidence ?? null, calls: result.calls } }];
    return advanceRun(transaction, context, job.runId, { ...(measurements === undefined ? {} : { measurements }), events });
  });
}

export async function recordStepFailure(context: EngineContext, job: StepJobData, error: BatonError, spent: { latencyMs: number; result?: AgentResult<unknown> }): Promise<Advanced> {
  const failure = spent.result?.ok === false ? spent.result.spent : undefined;
  return commitAndEnqueue(context, async (transaction) => {
    const ended = await finishStepRow(transaction, job.stepId, {
      status: 'failed',
      error: error.toJSON(),
      model: failure?.model,
      simulated: context.runner.simulated,
      usage: failure?.usage,
      costUsd: failure?.costUsd ?? 0,
      latencyMs: spent.latencyMs,
    });
    if (ended !== undefined && error.code !== 'model_output_invalid') await insertStepDeadLetter(transaction, job, error);
    const events = ended === undefined ? [] : [{ type: 'step.failed', step: job.key, data: { stepId: job.stepId, attempt: job.attempt, agent: job.agent, code: error.code, message: error.message } }];
    const measurements = failure === undefined ? undefined : { costUsd: failure.costUsd, usage: failure.usage, simulated: context.runner.simulated };
    return advanceRun(transaction, context, job.runId, { ...(measurements === undefined ? {} : { measurements }), events });
  });
}

/** Seed 000: nothing fails silently; a failed step is listed with its agent, input and error, and can be retried. */
async function insertStepDeadLetter(transaction: SqlClient, job: StepJobData, error: BatonError): Promise<void> {
  await transaction.query(
    `INSERT INTO dead_letters (id, run_id, trace_id, step_id, source, reason, payload) VALUES ($1, $2, $3, $4, 'step', $5::jsonb, $6::jsonb)`,
    [crypto.randomUUID(), job.runId, job.traceId, job.stepId, jsonParam(error.toJSON(), 'dead letter reason'), jsonParam({ key: job.key, agent: job.agent, attempt: job.attempt, input: job.input }, 'dead letter payload')],
  );
}
