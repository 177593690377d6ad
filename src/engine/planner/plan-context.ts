import type { z } from 'zod';
import type { AnyAgent } from '../../../agents/index.js';
import { BatonError, type ErrorCode } from '../../errors/index.js';
import type { StoredError } from '../../store/index.js';
import type { MissingBranches } from '../workflow/handoff-schemas.js';
import type { WorkflowDefinition } from '../workflow/define-workflow.js';
import { fingerprintOf } from '../approvals/fingerprint.js';
import type { Evaluation, OpenedGate, QueuedStep, RunState, StepRecord } from './plan-types.js';

export interface PlanContext {
  readonly definition: WorkflowDefinition;
  readonly state: RunState;
  readonly queue: QueuedStep[];
  readonly gates: OpenedGate[];
  /** Human decisions the run is waiting for (open, or opened by this plan). */
  waiting: number;
}

export function done(output: unknown, missing: MissingBranches = []): Evaluation {
  return { state: 'done', output, missing };
}
export const ACTIVE: Evaluation = { state: 'active' };

export function failed(key: string, error: StoredError): Evaluation {
  return { state: 'failed', key, error };
}

export function storedError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): StoredError {
  return new BatonError(code, message, { details }).toJSON();
}

/** A step run by an agent, or by a named effect (`effect:crm.propose`) when `agent` is absent. */
export interface StepCall {
  readonly key: string;
  readonly agentName: string;
  readonly input: unknown;
  readonly timeoutMs?: number | undefined;
  /** The agent behind the step: its invalid output escalates to a human with its schema. */
  readonly agent?: AnyAgent;
}

/** One agent call: queued when it has no record, otherwise whatever its latest attempt says. */
export function evaluateAgent(context: PlanContext, call: { key: string; agent: AnyAgent; input: unknown; timeoutMs?: number | undefined }): Evaluation {
  return evaluateStep(context, { ...call, agentName: call.agent.name });
}

export function evaluateStep(context: PlanContext, call: StepCall): Evaluation {
  const record = context.state.steps.get(call.key);
  if (record === undefined) return queueAttempt(context, call, 1);
  switch (record.status) {
    case 'pending':
    case 'running':
    case 'waiting_for_human':
      return ACTIVE;
    case 'succeeded':
      return ranWithThisInput(record, call.input) ? done(record.output) : queueAttempt(context, call, record.attempt + 1);
    case 'failed':
      return record.error?.code === 'model_output_invalid' && call.agent !== undefined
        ? escalateInvalidOutput(context, { ...call, agent: call.agent }, record.attempt, record.error)
        : failed(call.key, record.error ?? storedError('internal', 'step failed'));
    case 'skipped':
    case 'cancelled':
      return failed(call.key, storedError('cancelled', `step ${call.key} was ${record.status}`));
  }
}

/** An upstream step ran again (a retried branch, an edit) and this step would now be fed something else. */
function ranWithThisInput(record: StepRecord, input: unknown): boolean {
  return record.inputFingerprint === null || record.inputFingerprint === fingerprintOf(input);
}

function queueAttempt(context: PlanContext, call: StepCall, attempt: number): Evaluation {
  context.queue.push({ key: call.key, agent: call.agentName, input: call.input, attempt, timeoutMs: call.timeoutMs });
  return ACTIVE;
}

/**
 * Seed 000: invalid output is retried once with the errors (the model client did that), then a
 * human decides: approve runs the step again, edit supplies the output, reject fails it.
 */
function escalateInvalidOutput(
  context: PlanContext,
  call: StepCall & { readonly agent: AnyAgent },
  attempt: number,
  error: StoredError,
): Evaluation {
  const key = `${call.key}/escalation-${attempt}`;
  const decision = evaluateGate(context, { key, kind: 'escalation', action: 'review_escalation', payload: null, schema: call.agent.output as z.ZodObject, context: { agent: call.agent.name, input: call.input, error } });
  if (decision.state !== 'done') return decision;
  const approval = context.state.approvals.get(key);
  if (approval?.status === 'edited') return decision;
  return queueAttempt(context, call, attempt + 1);
}

/** A human decision: opened when it has no record, then approved (payload), edited (the edit) or rejected. */
export function evaluateGate(context: PlanContext, gate: OpenedGate): Evaluation {
  const approval = context.state.approvals.get(gate.key);
  if (approval === undefined) {
    context.gates.push(gate);
    context.waiting += 1;
    return ACTIVE;
  }
  switch (approval.status) {
    case 'pending':
      context.waiting += 1;
      return ACTIVE;
    case 'approved':
      return done(approval.payload);
    case 'edited':
      return done(approval.editedPayload);
    case 'rejected':
    case 'expired':
    case 'cancelled':
      return failed(gate.key, storedError('rejected', `${gate.key} was ${approval.status}${approval.decidedBy === null ? '' : ` by ${approval.decidedBy}`}${approval.reason === null ? '' : `: ${approval.reason}`}`, { approval: gate.key }));
  }
}
