import type { MissingBranches } from '../workflow/handoff-schemas.js';
import { RoutingSchema, type Routing } from '../workflow/handoff-schemas.js';
import type { FanOutNode, LoopNode, RouteNode, VotingNode } from '../workflow/workflow-nodes.js';
import { ACTIVE, done, evaluateAgent, evaluateGate, failed, storedError, type PlanContext } from './plan-context.js';
import { evaluateNode } from './plan-run.js';
import type { Evaluation } from './plan-types.js';

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Router, then below the threshold a human picks the category, then the category's branch. */
export function evaluateRoute(context: PlanContext, node: RouteNode, key: string, input: unknown, timeoutMs: number | undefined): Evaluation {
  const classified = evaluateAgent(context, { key: `${key}/router`, agent: node.router, input, timeoutMs });
  if (classified.state !== 'done') return classified;
  const answer = asObject(classified.output);
  let routing: Routing = { category: String(answer['category']), confidence: Number(answer['confidence']), reason: typeof answer['reason'] === 'string' ? answer['reason'] : '', decidedBy: 'router' };
  if (routing.confidence < node.threshold) {
    const review = evaluateGate(context, {
      key: `${key}/review`,
      kind: 'review',
      action: node.reviewAction,
      payload: { category: routing.category },
      schema: RoutingSchema.pick({ category: true }),
      context: { input, classification: answer, threshold: node.threshold, categories: Object.keys(node.branches) },
    });
    if (review.state !== 'done') return review;
    const category = String(asObject(review.output)['category']);
    if (!Object.hasOwn(node.branches, category)) return failed(`${key}/review`, storedError('input_invalid', `category "${category}" is not one of ${Object.keys(node.branches).join(', ')}`));
    routing = { category, confidence: 1, reason: `chosen by a reviewer (router said ${routing.category} at ${routing.confidence})`, decidedBy: 'human' };
  }
  const branch = node.branches[routing.category];
  if (branch === undefined) return failed(key, storedError('internal', `route ${key} has no branch for ${routing.category}`));
  if (branch === null) return done({ routing, result: null });
  const result = evaluateNode(context, branch, `${key}/${routing.category}`, { ...asObject(input), routing }, timeoutMs);
  return result.state === 'done' ? done({ routing, result: result.output }, result.missing) : result;
}

/** Every branch at once (so they run in parallel), then the merge with what arrived and what is missing. */
export function evaluateFanOut(context: PlanContext, node: FanOutNode, key: string, input: unknown): Evaluation {
  const results = Object.entries(node.branches).map(([name, branch]) => [name, evaluateNode(context, branch, `${key}/${name}`, input, node.branchTimeoutMs)] as const);
  if (results.some(([, result]) => result.state === 'active')) return ACTIVE;
  const branches: Record<string, unknown> = {};
  const missing: MissingBranches = [];
  for (const [name, result] of results) {
    if (result.state === 'done') branches[name] = result.output;
    if (result.state === 'failed') missing.push({ branch: name, reason: `${result.error.code}: ${result.error.message}` });
  }
  if (missing.length === results.length) return failed(key, storedError('internal', `every branch of ${key} failed: ${missing.map((entry) => `${entry.branch} (${entry.reason})`).join('; ')}`));
  const merged = evaluateAgent(context, { key: `${key}/merge`, agent: node.merge, input: { ...asObject(input), branches, missing } });
  return merged.state === 'done' ? done(merged.output, missing) : merged;
}

/** Producer and critic up to the cap, each retry carrying the critic's findings; then a human. */
export function evaluateLoop(context: PlanContext, node: LoopNode, key: string, input: unknown, timeoutMs: number | undefined): Evaluation {
  let previous: { draft: unknown; feedback: unknown } | undefined;
  const findings: unknown[] = [];
  for (let iteration = 1; iteration <= node.maxIterations; iteration += 1) {
    const producerInput = previous === undefined ? input : { ...asObject(input), feedback: previous.feedback, previous: previous.draft };
    const draft = evaluateAgent(context, { key: `${key}/${iteration}/producer`, agent: node.producer, input: producerInput, timeoutMs });
    if (draft.state !== 'done') return draft;
    const critique = evaluateAgent(context, { key: `${key}/${iteration}/critic`, agent: node.critic, input: { ...asObject(input), ...asObject(draft.output) }, timeoutMs });
    if (critique.state !== 'done') return critique;
    if (asObject(critique.output)['pass'] === true) return done(draft.output);
    findings.push(critique.output);
    previous = { draft: draft.output, feedback: critique.output };
  }
  return evaluateGate(context, {
    key: `${key}/escalation`,
    kind: 'escalation',
    action: node.escalationAction,
    payload: previous?.draft,
    schema: node.producer.output as never,
    context: { reason: `still failing the critic after ${node.maxIterations} iterations`, findings },
  });
}

/** The same task to every producer in parallel, then the judge picks one candidate. */
export function evaluateVoting(context: PlanContext, node: VotingNode, key: string, input: unknown, timeoutMs: number | undefined): Evaluation {
  const results = node.producers.map((producer, index) => evaluateAgent(context, { key: `${key}/candidate-${index + 1}`, agent: producer, input, timeoutMs }));
  if (results.some((result) => result.state === 'active')) return ACTIVE;
  const candidates = results.flatMap((result) => (result.state === 'done' ? [result.output] : []));
  if (candidates.length === 0) return failed(key, storedError('internal', `every candidate of ${key} failed`));
  const judged = evaluateAgent(context, { key: `${key}/judge`, agent: node.judge, input: { ...asObject(input), candidates }, timeoutMs });
  if (judged.state !== 'done') return judged;
  const choice = Number(asObject(judged.output)['choice']);
  const chosen = candidates[choice];
  return Number.isInteger(choice) && chosen !== undefined ? done(chosen) : failed(`${key}/judge`, storedError('model_output_invalid', `the judge chose ${choice}, but there are ${candidates.length} candidates (0-based)`));
}
