import { BatonError } from '../../errors/index.js';
import type { RunStatus, SqlClient } from '../../store/index.js';
import { isFinished, lockRun, updateRun } from '../../store/run-sql.js';
import type { StepMeasurements } from '../../store/index.js';
import type { RecordOwnerLookup } from '../approvals/record-owner.js';
import type { ReviewPolicy } from '../approvals/review-policy.js';
import { insertEvents, type RunEventInput } from '../persistence/event-rows.js';
import { readRunState } from '../persistence/run-state-rows.js';
import { insertQueuedSteps } from '../persistence/step-rows.js';
import { planRun } from '../planner/plan-run.js';
import type { ApprovalRecord, Plan, RunState } from '../planner/plan-types.js';
import type { WorkflowDefinition } from '../workflow/define-workflow.js';
import type { WorkflowCatalog } from '../workflow/workflow-catalog.js';
import { openApproval } from './open-approval.js';
import type { StepJobData } from './step-job.js';

export interface AdvanceContext {
  readonly workflows: WorkflowCatalog;
  readonly policies: Readonly<Record<string, ReviewPolicy>>;
  /** For actions without a policy of their own. */
  readonly defaultPolicy: ReviewPolicy;
  /** A runaway workflow stops here (settings `budgets.maxStepsPerRun`). */
  readonly maxStepsPerRun: number;
  readonly now: () => Date;
  /** Finds the owner of the record an approval is about (see approvals/record-owner.ts); none without a CRM mapping. */
  readonly recordOwners?: RecordOwnerLookup | undefined;
}

export interface Advanced {
  readonly jobs: StepJobData[];
  readonly status: RunStatus;
  readonly traceId: string;
}

/** What the caller already did in this transaction, recorded with the advance. */
export interface AdvanceExtras {
  readonly measurements?: StepMeasurements;
  readonly events?: readonly RunEventInput[];
}

/** Policy-settled gates change the plan; a handful of rounds settles any real workflow. */
const MAX_PLAN_ROUNDS = 10;

/**
 * Moves a run on inside the caller's transaction: lock it, read what its steps and approvals
 * say, plan, and record the plan (pending steps, approvals, status, events). The caller
 * enqueues the returned jobs after commit; if it dies first, the reconciler finds the pending
 * steps without jobs.
 */
export async function advanceRun(transaction: SqlClient, context: AdvanceContext, runId: string, extras: AdvanceExtras = {}): Promise<Advanced> {
  const run = await lockRun(transaction, runId);
  const identity = { id: run.id, traceId: run.trace_id };
  const events: RunEventInput[] = [...(extras.events ?? [])];
  if (isFinished(run.status)) {
    if (extras.measurements !== undefined) await updateRun(transaction, runId, extras.measurements);
    await insertEvents(transaction, identity, events);
    return { jobs: [], status: run.status as RunStatus, traceId: run.trace_id };
  }
  const definition = context.workflows.get(run.name, run.version);
  const state = { input: run.input, ...(await readRunState(transaction, runId)) };
  const plan = await settlePlan(transaction, context, definition, { id: run.id, traceId: run.trace_id, workflow: run.name }, state, events);
  const limited = withinStepLimit(plan, state.steps.size, context.maxStepsPerRun);
  const queued = await insertQueuedSteps(transaction, identity, limited.queue);
  for (const step of queued) events.push({ type: 'step.queued', step: step.key, data: { stepId: step.id, agent: step.agent, attempt: step.attempt } });
  const outcome = limited.outcome;
  const updated = await updateRun(transaction, runId, extras.measurements ?? {}, outcome);
  if (updated.status !== run.status) events.push({ type: `run.${updated.status}`, data: 'error' in outcome ? { error: outcome.error } : {} });
  await insertEvents(transaction, identity, events);
  return {
    traceId: run.trace_id,
    status: updated.status as RunStatus,
    jobs: queued.map((step) => ({ runId, traceId: run.trace_id, stepId: step.id, key: step.key, agent: step.agent, attempt: step.attempt, input: step.input, timeoutMs: step.timeoutMs, workflow: run.name, version: run.version })),
  };
}

async function settlePlan(
  transaction: SqlClient,
  context: AdvanceContext,
  definition: WorkflowDefinition,
  run: { id: string; traceId: string; workflow: string },
  state: { input: unknown; steps: RunState['steps']; approvals: Map<string, ApprovalRecord> },
  events: RunEventInput[],
): Promise<Plan> {
  let plan = planRun(definition, state);
  for (let round = 0; round < MAX_PLAN_ROUNDS && plan.gates.length > 0; round += 1) {
    let settled = false;
    for (const gate of plan.gates) {
      const opened = await openApproval(transaction, { run, gate, policies: context.policies, defaultPolicy: context.defaultPolicy, now: context.now(), input: state.input, recordOwners: context.recordOwners });
      events.push(...opened.events);
      if (opened.record !== undefined) {
        state.approvals.set(gate.key, opened.record);
        settled = true;
      }
    }
    if (!settled) break;
    plan = planRun(definition, state);
  }
  return plan;
}

/** Seed 000: loop and step limits stop runaway work before it is queued, with a reason a person can act on. */
function withinStepLimit(plan: Plan, stepsSoFar: number, maxSteps: number): Pick<Plan, 'queue' | 'outcome'> {
  if (stepsSoFar + plan.queue.length <= maxSteps) return plan;
  const error = new BatonError('budget_exceeded', `The run would take more than ${maxSteps} steps (budgets.maxStepsPerRun in the settings file); it has ${stepsSoFar}.`, {
    details: { limit: 'steps', maxSteps, stepsSoFar },
  }).toJSON();
  return { queue: [], outcome: { status: 'failed', error } };
}
