import type { z } from 'zod';
import type { AnyAgent } from '../../../agents/index.js';
import { BatonError } from '../../errors/index.js';
import { analyseWorkflow, type NodeShape } from './analyse-workflow.js';
import type { EffectContract } from '../../contracts/effect-contract.js';
import type { ChangeProposal } from '../../contracts/crm-write.js';
import type { CrmRecordNode, CrmWriteNode, EffectNode, TransformNode, FanOutNode, GateNode, LoopNode, PipelineNode, RouteNode, StepNode, VotingNode, WorkflowNode } from './workflow-nodes.js';

export interface WorkflowDefinitionOptions {
  /** snake_case, so it can be an MCP tool name as it is: `research_account`. */
  readonly name: string;
  /** Bumped when the tree changes; a run keeps the version it started with. */
  readonly version: string;
  /** Written for a caller choosing it: when to use it, what it returns, what needs approval. */
  readonly description: string;
  readonly input: z.ZodObject;
  readonly root: WorkflowNode;
}

export interface WorkflowDefinition extends WorkflowDefinitionOptions {
  readonly output: z.ZodObject;
  /** Every node's input and output schema, by node key. */
  readonly shapes: ReadonlyMap<string, NodeShape>;
  /** Every agent the workflow can call, by name. */
  readonly agents: ReadonlyMap<string, AnyAgent>;
}

const WORKFLOW_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const NODE_ID = /^[a-z][a-zA-Z0-9_-]*$/;

/**
 * Declares a workflow and checks it at once: every hand-off's schemas fit (a mismatch names
 * both ends and the field), pipelines have at most five stages, routes cover every category,
 * loops stop by three. A broken workflow never reaches a queue.
 */
export function defineWorkflow(options: WorkflowDefinitionOptions): WorkflowDefinition {
  const analysis = analyseWorkflow(options.root, options.input);
  const problems = [
    ...(WORKFLOW_NAME.test(options.name) ? [] : ['name must be snake_case, like research_account']),
    ...[...analysis.shapes.keys()].flatMap((key) => (key.split('/').every((id) => NODE_ID.test(id)) ? [] : [`node key "${key}": ids must start with a lower-case letter and use only letters, digits, - and _`])),
    ...analysis.problems,
  ];
  if (problems.length > 0) {
    throw new BatonError('config_invalid', `Workflow ${options.name}@${options.version} is invalid:\n  - ${problems.join('\n  - ')}`, {
      details: { workflow: options.name, problems },
    });
  }
  const agents = new Map<string, AnyAgent>();
  for (const shape of analysis.shapes.values()) for (const agent of agentsOf(shape.node)) agents.set(agent.name, agent);
  return Object.freeze({ ...options, output: analysis.output, shapes: analysis.shapes, agents });
}

function agentsOf(node: WorkflowNode): AnyAgent[] {
  switch (node.kind) {
    case 'step':
      return [node.agent];
    case 'route':
      return [node.router];
    case 'fanOut':
      return [node.merge];
    case 'loop':
      return [node.producer, node.critic];
    case 'voting':
      return [...node.producers, node.judge];
    case 'crmWrite':
      return [node.proposer];
    case 'pipeline':
    case 'gate':
    case 'effect':
    case 'crmRecord':
    case 'transform':
      return [];
  }
}

/* Builders: plain data with defaults, so definitions read like the diagrams in seed 000. */

export function step(agent: AnyAgent, options: Partial<Omit<StepNode, 'kind' | 'agent'>> = {}): StepNode {
  return { kind: 'step', id: options.id ?? agent.name, agent, ...options };
}

export function pipeline(id: string, stages: readonly WorkflowNode[], options: { carry?: readonly string[] } = {}): PipelineNode {
  return { kind: 'pipeline', id, stages, carry: options.carry ?? [] };
}

export function route(id: string, options: Omit<RouteNode, 'kind' | 'id' | 'reviewAction'> & { reviewAction?: string }): RouteNode {
  return { kind: 'route', id, reviewAction: options.reviewAction ?? 'review_classification', ...options };
}

export function fanOut(id: string, options: Omit<FanOutNode, 'kind' | 'id'>): FanOutNode {
  return { kind: 'fanOut', id, ...options };
}

export function loop(id: string, options: Omit<LoopNode, 'kind' | 'id' | 'escalationAction'> & { escalationAction?: string }): LoopNode {
  return { kind: 'loop', id, escalationAction: options.escalationAction ?? 'review_escalation', ...options };
}

export function gate(id: string, action: string): GateNode {
  return { kind: 'gate', id, action };
}

export function voting(id: string, options: Omit<VotingNode, 'kind' | 'id'>): VotingNode {
  return { kind: 'voting', id, ...options };
}

export function crmWrite(id: string, options: { proposer: AnyAgent; action?: string }): CrmWriteNode {
  return { kind: 'crmWrite', id, proposer: options.proposer, action: options.action ?? 'crm_write' };
}

export function effect(id: string, contract: EffectContract): EffectNode {
  return { kind: 'effect', id, effect: contract };
}

export function crmRecord<Input extends z.ZodObject>(
  id: string,
  options: { actor: string; input: Input; propose: (input: z.output<Input>) => readonly ChangeProposal[]; action?: string },
): CrmRecordNode {
  return { kind: 'crmRecord', id, actor: options.actor, input: options.input, propose: options.propose, action: options.action ?? 'crm_write' };
}

export function transform<Input extends z.ZodObject, Output extends z.ZodObject>(
  id: string,
  options: { input: Input; output: Output; map: (input: z.output<Input>) => z.input<Output> },
): TransformNode {
  return { kind: 'transform', id, input: options.input, output: options.output, map: options.map };
}
