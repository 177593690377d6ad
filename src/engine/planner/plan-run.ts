import type { StoredError } from '../../store/index.js';
import type { WorkflowDefinition } from '../workflow/define-workflow.js';
import type { PipelineNode, TransformNode, WorkflowNode } from '../workflow/workflow-nodes.js';
import { formatZodIssues } from '../../errors/index.js';
import { EFFECT_PREFIX } from '../runtime/step-effects.js';
import { done, evaluateAgent, evaluateGate, evaluateStep, failed, storedError, type PlanContext } from './plan-context.js';
import { evaluateCrmRecord, evaluateCrmWrite } from './plan-crm-write.js';
import { evaluateFanOut, evaluateLoop, evaluateRoute, evaluateVoting } from './plan-patterns.js';
import type { Evaluation, Plan, RunOutcome, RunState } from './plan-types.js';

/**
 * The engine's one decision: given a workflow and what its run has recorded so far, what
 * happens next. Pure: the same definition and state always give the same plan, so any worker
 * can advance any run, and a run resumes from the store alone after a crash or a pause.
 */
export function planRun(definition: WorkflowDefinition, state: RunState): Plan {
  const context: PlanContext = { definition, state, queue: [], gates: [], waiting: 0 };
  const evaluation = evaluateNode(context, definition.root, definition.root.id, state.input, undefined);
  return { queue: context.queue, gates: context.gates, outcome: outcomeOf(context, evaluation) };
}

export function evaluateNode(context: PlanContext, node: WorkflowNode, key: string, input: unknown, timeoutMs: number | undefined): Evaluation {
  switch (node.kind) {
    case 'step': {
      const evaluation = evaluateAgent(context, { key, agent: node.agent, input, timeoutMs: node.timeoutMs ?? timeoutMs });
      return node.minConfidence === undefined ? evaluation : reviewLowConfidence(context, key, evaluation, node.minConfidence);
    }
    case 'pipeline':
      return evaluatePipeline(context, node, key, input, timeoutMs);
    case 'gate': {
      const shape = context.definition.shapes.get(key);
      if (shape === undefined) return failed(key, { code: 'internal', message: `no schema for gate ${key}`, fault: 'system', retryable: false, details: {} });
      return evaluateGate(context, { key, kind: 'gate', action: node.action, payload: input, schema: shape.input, context: {} });
    }
    case 'route':
      return evaluateRoute(context, node, key, input, timeoutMs);
    case 'fanOut':
      return evaluateFanOut(context, node, key, input);
    case 'loop':
      return evaluateLoop(context, node, key, input, timeoutMs);
    case 'voting':
      return evaluateVoting(context, node, key, input, timeoutMs);
    case 'crmWrite':
      return evaluateCrmWrite(context, node, key, input);
    case 'crmRecord':
      return evaluateCrmRecord(context, node, key, input);
    case 'transform':
      return evaluateTransform(node, key, input);
    case 'effect':
      return evaluateStep(context, { key, agentName: `${EFFECT_PREFIX}${node.effect.name}`, input });
  }
}

function evaluatePipeline(context: PlanContext, node: PipelineNode, key: string, input: unknown, timeoutMs: number | undefined): Evaluation {
  const source = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const carried = Object.fromEntries(node.carry.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]));
  let current = input;
  const missing = [];
  for (const stage of node.stages) {
    const evaluation = evaluateNode(context, stage, `${key}/${stage.id}`, current, timeoutMs);
    if (evaluation.state !== 'done') return evaluation;
    current = node.carry.length === 0 ? evaluation.output : { ...carried, ...(evaluation.output as Record<string, unknown>) };
    missing.push(...evaluation.missing);
  }
  return done(current, missing);
}

/** Seed 000: a low-confidence output goes to a human, not to the next agent. */
function reviewLowConfidence(context: PlanContext, key: string, evaluation: Evaluation, minConfidence: number): Evaluation {
  if (evaluation.state !== 'done') return evaluation;
  const record = context.state.steps.get(key);
  const confidence = record?.confidence ?? null;
  if (confidence === null || confidence >= minConfidence) return evaluation;
  const shape = context.definition.shapes.get(key);
  if (shape === undefined) return evaluation;
  return evaluateGate(context, {
    key: `${key}/review`,
    kind: 'review',
    action: 'review_low_confidence',
    payload: evaluation.output,
    schema: shape.output,
    context: { reason: `confidence ${confidence} is below ${minConfidence}`, confidence, minConfidence },
  });
}

function outcomeOf(context: PlanContext, evaluation: Evaluation): RunOutcome {
  if (evaluation.state === 'done') {
    return evaluation.missing.length === 0 ? { status: 'succeeded', output: evaluation.output } : { status: 'partial', output: { result: evaluation.output, missing: evaluation.missing } };
  }
  if (evaluation.state === 'failed') return failedOutcome(context, evaluation.key, evaluation.error);
  return context.queue.length === 0 && context.waiting > 0 && !anyRunning(context) ? { status: 'waiting_for_human' } : { status: 'running' };
}

/** Seed 000: upstream failure skips dependents and returns what did complete, with the failure. */
function failedOutcome(context: PlanContext, key: string, error: StoredError): RunOutcome {
  const completed = Object.fromEntries([...context.state.steps.values()].filter((step) => step.status === 'succeeded').map((step) => [step.key, step.output]));
  // A budget stop, a reviewer's rejection or governance refusing a CRM change ends the run by decision: not a partial result to build on.
  if (Object.keys(completed).length === 0 || ENDED_BY_DECISION.has(error.code) || error.details['changeSetId'] !== undefined) return { status: 'failed', error };
  return { status: 'partial', output: { completed, failed: { step: key, error } }, error };
}

const ENDED_BY_DECISION = new Set(['budget_exceeded', 'rejected']);

function anyRunning(context: PlanContext): boolean {
  return [...context.state.steps.values()].some((step) => step.status === 'pending' || step.status === 'running');
}

function evaluateTransform(node: TransformNode, key: string, input: unknown): Evaluation {
  const parsed = node.input.safeParse(input);
  if (!parsed.success) return failed(key, storedError('input_invalid', `transform ${key} input is invalid: ${formatZodIssues(parsed.error.issues)}`));
  const output = node.output.safeParse(node.map(parsed.data as never));
  if (!output.success) return failed(key, storedError('internal', `transform ${key} produced invalid output: ${formatZodIssues(output.error.issues)}`));
  return done(output.data);
}
