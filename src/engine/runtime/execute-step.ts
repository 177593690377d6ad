import type { AgentResult } from '../../../agents/index.js';
import { BatonError, toBatonError } from '../../errors/index.js';
import { withTrace } from '../../logging/index.js';
import { readStepStatus } from '../persistence/step-rows.js';
import { advanceRun } from './advance-run.js';
import { commitAndEnqueue, type EngineContext } from './engine-context.js';
import { estimateStepCost } from './estimate-step-cost.js';
import { executeEffect } from './execute-effect.js';
import { EFFECT_PREFIX } from './step-effects.js';
import { recordStepFailure, recordStepSuccess } from './record-step.js';
import type { StepJobData } from './step-job.js';

/** What the queue should do with the job: finished (either way), try again later, or hold it without spending an attempt. */
export type StepVerdict = { readonly kind: 'done' } | { readonly kind: 'retry'; readonly error: BatonError } | { readonly kind: 'hold'; readonly until: number; readonly reason: string };

export interface StepDelivery {
  readonly job: StepJobData;
  /** True when this job ran before (a retry or a stalled job picked up again): the store is checked first. */
  readonly redelivered: boolean;
  /** True when this is the queue's last attempt: a retryable failure is then final. */
  readonly lastAttempt: boolean;
  /** How many times this job was held before (breaker open, rate limited) without spending an attempt. */
  readonly holds: number;
  /** Aborted when the queue cancels the job (a cancelled run, a draining worker). */
  readonly signal?: AbortSignal;
}

/** Runs one step for a worker. Holds no run state: everything comes from the job and the store. */
export async function executeStep(context: EngineContext, delivery: StepDelivery): Promise<StepVerdict> {
  const { job } = delivery;
  return withTrace({ traceId: job.traceId, runId: job.runId, step: job.key }, async () => {
    if (delivery.redelivered && (await alreadyEnded(context, job))) return { kind: 'done' };
    if (job.agent.startsWith(EFFECT_PREFIX)) return executeEffect(context, delivery);
    const breakerNames = [`agent:${job.agent}`, context.modelIntegration];
    const held = await context.breakers?.check(breakerNames);
    if (held !== undefined && !held.allowed) {
      context.logger.warn({ breaker: held.name, until: new Date(held.retryAt).toISOString() }, 'circuit breaker open; step held');
      return { kind: 'hold', until: held.retryAt, reason: `breaker ${held.name} is open` };
    }
    const started = performance.now();
    let result: AgentResult<unknown> | undefined;
    try {
      await context.budgets?.assertCanSpend({ runId: job.runId, estimateUsd: estimateStepCost(context, job) });
      result = await runAgent(context, job, delivery.signal);
      if (result.ok) return await succeed(context, job, result, breakerNames);
      throw result.error;
    } catch (thrown) {
      const error = toBatonError(thrown);
      return fail(context, delivery, error, { latencyMs: Math.round(performance.now() - started), ...(result === undefined ? {} : { result }) }, breakerNames);
    }
  });
}

async function runAgent(context: EngineContext, job: StepJobData, signal: AbortSignal | undefined): Promise<AgentResult<unknown>> {
  const agent = context.workflows.get(job.workflow, job.version).agents.get(job.agent);
  if (agent === undefined) throw new BatonError('not_found', `Workflow ${job.workflow}@${job.version} has no agent ${job.agent}.`);
  const deadline = job.timeoutMs === null ? undefined : AbortSignal.timeout(job.timeoutMs);
  const signals = [signal, deadline].filter((entry): entry is AbortSignal => entry !== undefined);
  const result = await context.runner.run(agent, job.input, signals.length === 0 ? {} : { signal: AbortSignal.any(signals) });
  if (!result.ok && deadline?.aborted === true && (result.error.code === 'cancelled' || result.error.code === 'timeout')) {
    // The step's own deadline (a fan-out branch's), not the caller's cancellation: seed 000 treats it as a timeout.
    return { ...result, error: new BatonError('timeout', `Step ${job.key} (${job.agent}) timed out after ${job.timeoutMs} ms.`, { details: { agent: job.agent, timeoutMs: job.timeoutMs } }) };
  }
  return result;
}

async function succeed(context: EngineContext, job: StepJobData, result: AgentResult<unknown> & { ok: true }, breakerNames: string[]): Promise<StepVerdict> {
  await context.breakers?.recordSuccess(breakerNames);
  // After the store has the cost: a ledger rebuilt from the store then counts it exactly once.
  await recordStepSuccess(context, job, result);
  await context.budgets?.record({ runId: job.runId, costUsd: result.costUsd });
  return { kind: 'done' };
}

/**
 * Only the system's and third parties' faults count against a breaker: bad input says nothing
 * about an agent's health. And only the model API's own failures count against its breaker: one
 * agent's invalid answers must not stop every other agent's calls.
 */
function breakersBlamed(error: BatonError, breakerNames: readonly string[]): string[] {
  if (error.fault === 'user' || error.code === 'budget_exceeded') return [];
  const [agentBreaker, integrationBreaker] = breakerNames;
  const modelApiFault = MODEL_API_FAULTS.has(error.code) && error.details['status'] !== undefined;
  return [agentBreaker, modelApiFault ? integrationBreaker : undefined].filter((name): name is string => name !== undefined);
}

const MODEL_API_FAULTS = new Set(['model_unavailable', 'model_overloaded', 'model_rate_limited']);

async function fail(context: EngineContext, delivery: StepDelivery, error: BatonError, spent: { latencyMs: number; result?: AgentResult<unknown> }, breakerNames: string[]): Promise<StepVerdict> {
  const { job } = delivery;
  const blamed = breakersBlamed(error, breakerNames);
  if (blamed.length > 0) await context.breakers?.recordFailure(blamed);
  if (spent.result?.ok === false && spent.result.spent !== undefined) await context.budgets?.record({ runId: job.runId, costUsd: spent.result.spent.costUsd });
  const retryAfterMs = typeof error.details['retryAfterMs'] === 'number' ? error.details['retryAfterMs'] : undefined;
  if (error.code === 'model_rate_limited' && retryAfterMs !== undefined && delivery.holds < MAX_RATE_LIMIT_HOLDS) {
    return { kind: 'hold', until: Date.now() + retryAfterMs, reason: 'the model API asked to wait' };
  }
  if (isRetryableAtStepLevel(error) && !delivery.lastAttempt) {
    context.logger.warn({ agent: job.agent, code: error.code, error: error.message }, 'step failed; the queue will retry it');
    return { kind: 'retry', error };
  }
  context.logger.warn({ agent: job.agent, code: error.code, error: error.message, input: job.input }, 'step failed');
  await recordStepFailure(context, job, error, spent);
  return { kind: 'done' };
}

/** A model API that keeps answering 429 fails the step after this many waits (seed 000: bounded retries, then fail). */
const MAX_RATE_LIMIT_HOLDS = 2;

/**
 * The model client already spent three attempts on 429/5xx, and a step's own timeout means a
 * partial result (seed 000), so neither is retried here; what is left is the infrastructure.
 */
function isRetryableAtStepLevel(error: BatonError): boolean {
  return error.code === 'store_unavailable' || error.code === 'internal';
}

async function alreadyEnded(context: EngineContext, job: StepJobData): Promise<boolean> {
  const status = await readStepStatus(context.sql, job.stepId);
  if (status === 'pending' || status === 'running') return false;
  context.logger.info({ status }, 'redelivered step already ended; re-deriving the next steps only');
  await commitAndEnqueue(context, (transaction) => advanceRun(transaction, context, job.runId));
  return true;
}
