import { z } from 'zod';
import type { AnyAgent } from '../../../agents/index.js';
import { ChangeProposalSchema, CrmWritesSchema, CrmWriteResultSchema } from '../../contracts/crm-write.js';
import { extendObject, MissingBranchesSchema, RoutingSchema } from './handoff-schemas.js';
import { schemaFitProblems } from './schema-fit.js';
import type { FanOutNode, LoopNode, RouteNode, VotingNode, WorkflowNode } from './workflow-nodes.js';

export const MAX_PIPELINE_STAGES = 5;

/** What each node receives and yields, by node key: the planner validates edits and resumes with it. */
export interface NodeShape {
  readonly node: WorkflowNode;
  readonly input: z.ZodObject;
  readonly output: z.ZodObject;
}

export interface WorkflowAnalysis {
  readonly output: z.ZodObject;
  readonly shapes: ReadonlyMap<string, NodeShape>;
  readonly problems: readonly string[];
}

interface Walk {
  readonly shapes: Map<string, NodeShape>;
  readonly problems: string[];
}

/** Walks the tree once with the schema flowing into each node, checking every hand-off on the way. */
export function analyseWorkflow(root: WorkflowNode, input: z.ZodObject): WorkflowAnalysis {
  const walk: Walk = { shapes: new Map(), problems: [] };
  const output = visit(root, input, root.id, 'the workflow input', walk);
  return { output, shapes: walk.shapes, problems: walk.problems };
}

function visit(node: WorkflowNode, input: z.ZodObject, key: string, from: string, walk: Walk): z.ZodObject {
  if (walk.shapes.has(key)) walk.problems.push(`node key "${key}" is used twice; give siblings distinct ids`);
  const output = outputOf(node, input, key, from, walk);
  walk.shapes.set(key, { node, input, output });
  return output;
}

function outputOf(node: WorkflowNode, input: z.ZodObject, key: string, from: string, walk: Walk): z.ZodObject {
  switch (node.kind) {
    case 'step':
      fit(input, from, node.agent, `step "${key}" (${node.agent.name})`, walk);
      return objectOutput(node.agent, key, walk);
    case 'pipeline':
      return visitPipeline(node.stages, node.carry, input, key, from, walk);
    case 'route':
      return visitRoute(node, input, key, from, walk);
    case 'fanOut':
      return visitFanOut(node, input, key, from, walk);
    case 'loop':
      return visitLoop(node, input, key, from, walk);
    case 'gate':
      return input;
    case 'voting':
      return visitVoting(node, input, key, from, walk);
    case 'crmWrite':
      fit(input, from, node.proposer, `the proposer of "${key}" (${node.proposer.name})`, walk);
      for (const problem of schemaFitProblems(objectOutput(node.proposer, key, walk), ChangeProposalSchema)) {
        walk.problems.push(`"${key}": ${node.proposer.name}'s output is not a change proposal: ${problem}`);
      }
      return CrmWriteResultSchema;
    case 'crmRecord':
      for (const problem of schemaFitProblems(input, node.input)) walk.problems.push(`${from} does not fit CRM record "${key}": ${problem}`);
      return extendObject(node.input, { crmWrites: CrmWritesSchema });
    case 'transform':
      for (const problem of schemaFitProblems(input, node.input)) walk.problems.push(`${from} does not fit transform "${key}": ${problem}`);
      return node.output;
    case 'effect':
      for (const problem of schemaFitProblems(input, node.effect.input)) walk.problems.push(`${from} does not fit effect "${key}" (${node.effect.name}): ${problem}`);
      return node.effect.output;
  }
}

function visitPipeline(stages: readonly WorkflowNode[], carry: readonly string[], input: z.ZodObject, key: string, from: string, walk: Walk): z.ZodObject {
  if (stages.length === 0) walk.problems.push(`pipeline "${key}" has no stages`);
  if (stages.length > MAX_PIPELINE_STAGES) {
    walk.problems.push(`pipeline "${key}" has ${stages.length} stages; keep pipelines to ${MAX_PIPELINE_STAGES} or fewer (nest or split them)`);
  }
  const carried: Record<string, z.ZodType> = {};
  for (const field of carry) {
    const schema: z.ZodType | undefined = (input.shape as Readonly<Record<string, z.ZodType>>)[field];
    if (schema === undefined) walk.problems.push(`pipeline "${key}" carries "${field}", which its input does not have`);
    else carried[field] = schema;
  }
  let current = input;
  let producer = from;
  for (const stage of stages) {
    const stageKey = `${key}/${stage.id}`;
    const output = visit(stage, current, stageKey, producer, walk);
    current = carry.length === 0 ? output : z.object({ ...carried, ...output.shape });
    producer = `"${stageKey}"`;
  }
  return current;
}

function visitRoute(node: RouteNode, input: z.ZodObject, key: string, from: string, walk: Walk): z.ZodObject {
  fit(input, from, node.router, `the router of "${key}" (${node.router.name})`, walk);
  const categories = categoriesOf(node.router);
  const branchNames = Object.keys(node.branches);
  const unrouted = categories.filter((category) => !branchNames.includes(category));
  const unknown = branchNames.filter((branch) => !categories.includes(branch));
  if (unrouted.length > 0) walk.problems.push(`route "${key}" has no branch for ${unrouted.map((category) => `"${category}"`).join(', ')}; add one (null for no action)`);
  if (unknown.length > 0) walk.problems.push(`route "${key}" has branches ${unknown.map((branch) => `"${branch}"`).join(', ')} that ${node.router.name} never returns`);
  if (node.threshold < 0 || node.threshold > 1) walk.problems.push(`route "${key}" threshold must be between 0 and 1`);
  const branchInput = extendObject(input, { routing: RoutingSchema });
  const outputs = Object.entries(node.branches).flatMap(([category, branch]) =>
    branch === null ? [] : [visit(branch, branchInput, `${key}/${category}`, `the route "${key}"`, walk)],
  );
  const [first, second, ...rest] = outputs;
  const result = first === undefined ? z.null() : second === undefined ? first.nullable() : z.union([first, second, ...rest]).nullable();
  return z.object({ routing: RoutingSchema, result });
}

function visitFanOut(node: FanOutNode, input: z.ZodObject, key: string, from: string, walk: Walk): z.ZodObject {
  const entries = Object.entries(node.branches);
  if (entries.length < 2) walk.problems.push(`fan-out "${key}" needs at least two branches`);
  if (node.branchTimeoutMs <= 0) walk.problems.push(`fan-out "${key}" branchTimeoutMs must be positive`);
  const outputs = entries.map(([name, branch]) => [name, visit(branch, input, `${key}/${name}`, from, walk).optional()] as const);
  // The engine only ever names this fan-out's own branches as missing, so the schema says exactly that.
  const names = entries.map(([name]) => name);
  const missing = names.length === 0 ? MissingBranchesSchema : z.array(z.object({ branch: z.enum(names as [string, ...string[]]), reason: z.string() }));
  const mergeInput = extendObject(input, { branches: z.object(Object.fromEntries(outputs)), missing });
  fit(mergeInput, `the branches of "${key}"`, node.merge, `the merge of "${key}" (${node.merge.name})`, walk);
  return objectOutput(node.merge, key, walk);
}

function visitLoop(node: LoopNode, input: z.ZodObject, key: string, from: string, walk: Walk): z.ZodObject {
  if (!Number.isInteger(node.maxIterations) || node.maxIterations < 1 || node.maxIterations > 3) {
    walk.problems.push(`loop "${key}" maxIterations must be 1, 2 or 3`);
  }
  const produced = objectOutput(node.producer, key, walk);
  const critique = objectOutput(node.critic, key, walk);
  if (!(critique.shape['pass'] instanceof z.ZodBoolean)) walk.problems.push(`loop "${key}": critic ${node.critic.name} must output pass: boolean`);
  const producerInput = extendObject(input, { feedback: critique.optional(), previous: produced.optional() });
  fit(producerInput, from, node.producer, `the producer of "${key}" (${node.producer.name})`, walk);
  fit(extendObject(input, produced.shape), `the producer of "${key}"`, node.critic, `the critic of "${key}" (${node.critic.name})`, walk);
  return produced;
}

function visitVoting(node: VotingNode, input: z.ZodObject, key: string, from: string, walk: Walk): z.ZodObject {
  const [first] = node.producers;
  if (first === undefined || node.producers.length < 2) {
    walk.problems.push(`voting "${key}" needs at least two producers`);
    return input;
  }
  const candidate = objectOutput(first, key, walk);
  node.producers.forEach((producer, index) => {
    fit(input, from, producer, `producer ${index + 1} of "${key}" (${producer.name})`, walk);
    for (const problem of schemaFitProblems(producer.output, candidate)) walk.problems.push(`voting "${key}": ${producer.name}'s output does not fit ${first.name}'s: ${problem}`);
  });
  fit(extendObject(input, { candidates: z.array(candidate) }), `the producers of "${key}"`, node.judge, `the judge of "${key}" (${node.judge.name})`, walk);
  if (!(objectOutput(node.judge, key, walk).shape['choice'] instanceof z.ZodNumber)) walk.problems.push(`voting "${key}": judge ${node.judge.name} must output choice: number`);
  return candidate;
}

function fit(produced: z.ZodObject, producer: string, agent: AnyAgent, consumer: string, walk: Walk): void {
  for (const problem of schemaFitProblems(produced, agent.input)) walk.problems.push(`${producer} does not fit ${consumer}: ${problem}`);
}

function objectOutput(agent: AnyAgent, key: string, walk: Walk): z.ZodObject {
  if (agent.output instanceof z.ZodObject) return agent.output;
  walk.problems.push(`"${key}": agent ${agent.name} must output an object`);
  return z.object({});
}

function categoriesOf(router: AnyAgent): string[] {
  const output: z.ZodType = router.output;
  const category: unknown = output instanceof z.ZodObject ? output.shape['category'] : undefined;
  return category instanceof z.ZodEnum ? category.options.map(String) : [];
}
