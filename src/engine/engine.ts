import type { AgentRunner } from '../../agents/index.js';
import type { ModelPrice, ModelTier } from '../config.js';
import { BatonError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { createRunStore, type ListRunsOptions, type RunDetail, type RunPage, type SqlClient } from '../store/index.js';
import { getApproval, listApprovals, type ApprovalView, type ListApprovalsOptions } from './approvals/approval-queries.js';
import { listLabelledExamples, type LabelledExample } from './approvals/labelled-example.js';
import type { RecordOwnerLookup } from './approvals/record-owner.js';
import { decideApproval, type DecideRequest, type Decided } from './approvals/decide-approval.js';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from './approvals/review-policy.js';
import { listReviewRates, type GateReviewRate } from './approvals/review-rates.js';
import { sweepExpiredApprovals } from './approvals/sweep-expired.js';
import type { Advanced } from './runtime/advance-run.js';
import { discardDeadLetter, getDeadLetter, listDeadLetters, type DeadLetter } from './runtime/dead-letters.js';
import type { BreakerGate, BudgetGate, EngineContext } from './runtime/engine-context.js';
import { executeStep, type StepDelivery, type StepVerdict } from './runtime/execute-step.js';
import { reconcile, type Reconciled } from './runtime/reconcile.js';
import { cancelRun, retryRun } from './runtime/run-controls.js';
import { startRun, type StartedRun, type StartOptions } from './runtime/start-run.js';
import type { StepEffect } from './runtime/step-effects.js';
import type { StepQueue } from './runtime/step-job.js';
import type { WorkflowCatalog } from './workflow/workflow-catalog.js';

export interface EngineOptions {
  readonly sql: SqlClient;
  readonly queue: StepQueue;
  readonly workflows: WorkflowCatalog;
  readonly runner: AgentRunner;
  readonly logger: Logger;
  readonly policies?: Readonly<Record<string, ReviewPolicy>>;
  readonly defaultPolicy?: ReviewPolicy;
  /** Defaults to 250. */
  readonly maxStepsPerRun?: number;
  /** Steps run by a named effect, e.g. the CRM's change sets. */
  readonly effects?: Readonly<Record<string, StepEffect>>;
  /** Per workflow, input fields filled in when a caller leaves them out (a booking link, approved answers). */
  readonly inputDefaults?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly breakers?: BreakerGate;
  readonly budgets?: BudgetGate;
  /** Finds the owner of the record an approval is about, for policies that let the owner or their manager decide. */
  readonly recordOwners?: RecordOwnerLookup;
  /** Model names per tier and their prices, for the pre-call budget estimate. */
  readonly models?: { readonly tiers: Readonly<Record<ModelTier, string>>; readonly prices: Readonly<Record<string, ModelPrice>> };
  readonly now?: () => Date;
}

/** The engine's public API: what the CLI, MCP and Slack call, and what queue workers run steps through. */
export interface Engine {
  start(workflow: string, input: unknown, options?: StartOptions): Promise<StartedRun>;
  executeStep(delivery: StepDelivery): Promise<StepVerdict>;
  getRun(runId: string): Promise<RunDetail>;
  listRuns(options?: ListRunsOptions & { workflow?: string }): Promise<RunPage>;
  cancel(runId: string, by: string): Promise<{ status: string }>;
  retry(runId: string, by: string): Promise<Advanced>;
  listApprovals(options?: ListApprovalsOptions): Promise<ApprovalView[]>;
  getApproval(approvalId: string): Promise<ApprovalView>;
  decide(request: DecideRequest): Promise<Decided>;
  sweepExpiredApprovals(): Promise<{ escalated: number; expired: number }>;
  /** Progressive automation, visible: each gate's current review rate and why. */
  reviewRates(): Promise<GateReviewRate[]>;
  /** Reviewers' categories for replies the router was unsure of, newest first. */
  labelledExamples(options?: { readonly workflow?: string; readonly limit?: number }): Promise<LabelledExample[]>;
  listDeadLetters(options?: { status?: DeadLetter['status']; limit?: number }): Promise<DeadLetter[]>;
  getDeadLetter(deadLetterId: string): Promise<DeadLetter>;
  retryDeadLetter(deadLetterId: string, by: string): Promise<Advanced>;
  discardDeadLetter(deadLetterId: string, by: string): Promise<void>;
  reconcile(): Promise<Reconciled>;
  readonly workflows: WorkflowCatalog;
}

export function createEngine(options: EngineOptions): Engine {
  const context = createContext(options);
  const runs = createRunStore({ sql: options.sql });
  return {
    workflows: options.workflows,
    start: (workflow, input, startOptions) => startRun(context, workflow, input, startOptions),
    executeStep: (delivery) => executeStep(context, delivery),
    getRun: (runId) => runs.getRun(runId),
    listRuns: ({ workflow, ...listOptions } = {}) => runs.listRuns({ ...listOptions, ...(workflow === undefined ? {} : { name: workflow }) }),
    cancel: (runId, by) => cancelRun(context, runId, by),
    retry: (runId, by) => retryRun(context, runId, by),
    listApprovals: (listOptions) => listApprovals(options.sql, listOptions),
    getApproval: async (approvalId) => {
      const approval = await getApproval(options.sql, approvalId);
      if (approval === undefined) throw new BatonError('not_found', `Approval ${approvalId} does not exist.`, { details: { approvalId } });
      return approval;
    },
    decide: (request) => decideApproval(context, request),
    sweepExpiredApprovals: () => sweepExpiredApprovals(context),
    reviewRates: () => listReviewRates(options.sql, context.now()),
    labelledExamples: (listOptions) => listLabelledExamples(options.sql, listOptions),
    listDeadLetters: (listOptions) => listDeadLetters(options.sql, listOptions),
    getDeadLetter: (deadLetterId) => getDeadLetter(options.sql, deadLetterId),
    retryDeadLetter: async (deadLetterId, by) => {
      const letter = await getDeadLetter(options.sql, deadLetterId);
      if (letter.status !== 'open' || letter.runId === null) throw new BatonError('conflict', `Dead letter ${deadLetterId} is ${letter.status}; only open step failures can be retried.`);
      return retryRun(context, letter.runId, by);
    },
    discardDeadLetter: (deadLetterId, by) => discardDeadLetter(options.sql, deadLetterId, by),
    reconcile: () => reconcile(context),
  };
}

function createContext(options: EngineOptions): EngineContext {
  const { models } = options;
  return {
    sql: options.sql,
    queue: options.queue,
    workflows: options.workflows,
    runner: options.runner,
    logger: options.logger,
    policies: options.policies ?? {},
    defaultPolicy: options.defaultPolicy ?? DEFAULT_REVIEW_POLICY,
    maxStepsPerRun: options.maxStepsPerRun ?? 250,
    breakers: options.breakers,
    budgets: options.budgets,
    recordOwners: options.recordOwners,
    now: options.now ?? (() => new Date()),
    modelIntegration: 'integration:anthropic',
    effects: options.effects ?? {},
    inputDefaults: options.inputDefaults ?? {},
    priceOf: (agentName) => {
      if (models === undefined) return undefined;
      for (const definition of options.workflows.list()) {
        const agent = definition.agents.get(agentName);
        if (agent !== undefined) return models.prices[models.tiers[agent.tier]];
      }
      return undefined;
    },
  };
}
