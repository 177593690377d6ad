import type { AgentRunner } from '../../../agents/index.js';
import type { Logger } from '../../logging/index.js';
import type { ModelPrice } from '../../config.js';
import type { SqlClient } from '../../store/index.js';
import type { AdvanceContext } from './advance-run.js';
import type { StepEffect } from './step-effects.js';
import type { StepJobData, StepQueue } from './step-job.js';

/** Breakers as the engine uses them; src/engine/breakers implements this on Redis. */
export interface BreakerGate {
  check(names: readonly string[]): Promise<{ allowed: true } | { allowed: false; name: string; retryAt: number }>;
  recordSuccess(names: readonly string[]): Promise<void>;
  recordFailure(names: readonly string[]): Promise<unknown>;
}

/** Budgets as the engine uses them; src/engine/budgets implements this on Redis. */
export interface BudgetGate {
  assertCanSpend(request: { runId: string; estimateUsd: number; stepsSoFar?: number }): Promise<void>;
  record(spend: { runId: string; costUsd: number }): Promise<void>;
}

/** Everything the engine's functions share; built once by createEngine. */
export interface EngineContext extends AdvanceContext {
  readonly sql: SqlClient;
  readonly queue: StepQueue;
  readonly runner: AgentRunner;
  readonly logger: Logger;
  readonly breakers: BreakerGate | undefined;
  readonly budgets: BudgetGate | undefined;
  /** Model price of each agent's tier, for the pre-call budget estimate. */
  readonly priceOf: (agent: string) => ModelPrice | undefined;
  /** The integration every model call depends on, for its breaker: `integration:anthropic`. */
  readonly modelIntegration: string;
  /** Steps run by a named effect (`effect:crm.propose`) instead of an agent. */
  readonly effects: Readonly<Record<string, StepEffect>>;
  /** Per workflow, top-level input fields a caller may leave out (settings `workflowDefaults`). */
  readonly inputDefaults: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** Commits, then enqueues: a job never exists for a step the store does not have. */
export async function commitAndEnqueue<T extends { jobs: readonly StepJobData[] }>(context: EngineContext, work: (transaction: SqlClient) => Promise<T>): Promise<T> {
  const result = await context.sql.transaction(work);
  if (result.jobs.length > 0) {
    try {
      await context.queue.enqueue(result.jobs);
    } catch (error) {
      // The steps are recorded as pending; the reconciler enqueues them when the queue is back.
      context.logger.error({ err: error, steps: result.jobs.map((job) => job.stepId) }, 'steps recorded but not enqueued; the reconciler will enqueue them');
    }
  }
  return result;
}
