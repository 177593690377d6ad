import { BatonError, toBatonError } from '../../errors/index.js';
import type { EngineContext } from './engine-context.js';
import type { StepDelivery, StepVerdict } from './execute-step.js';
import { recordStepFailure, recordStepSuccess } from './record-step.js';

/** Runs a step whose work is a named effect: no model, no budget; its outcome is recorded like any step's. */
export async function executeEffect(context: EngineContext, delivery: StepDelivery): Promise<StepVerdict> {
  const { job } = delivery;
  const effect = context.effects[job.agent];
  const started = performance.now();
  try {
    if (effect === undefined) throw new BatonError('config_invalid', `No effect named ${job.agent} is configured in this process; it runs where the CRM is wired (baton serve, baton worker).`);
    const outcome = await effect.run(job.input, { runId: job.runId, traceId: job.traceId, stepKey: job.key, idempotencyKey: `${job.runId}:${job.key}` });
    if (outcome.kind === 'hold') return { kind: 'hold', until: outcome.until, reason: outcome.reason };
    const latencyMs = Math.round(performance.now() - started);
    await recordStepSuccess(context, job, { ok: true, agent: job.agent, output: outcome.output, confidence: undefined, model: job.agent, simulated: false, usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0, latencyMs, calls: 0 });
    return { kind: 'done' };
  } catch (thrown) {
    const error = toBatonError(thrown);
    if (error.retryable && !delivery.lastAttempt) return { kind: 'retry', error };
    context.logger.warn({ effect: job.agent, code: error.code, error: error.message }, 'effect step failed');
    await recordStepFailure(context, job, error, { latencyMs: Math.round(performance.now() - started) });
    return { kind: 'done' };
  }
}
