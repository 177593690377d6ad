import type { AnyAgent } from '../../../agents/index.js';
import type { z } from 'zod';
import type { ChangeProposal } from '../../contracts/crm-write.js';
import type { EffectContract } from '../../contracts/effect-contract.js';

/**
 * A workflow is a tree of these nodes, declared as data with typed agent references, so it can
 * be listed, validated, versioned, drawn and exposed as a tool. Each node's input and output are
 * fixed by the conventions in `node-schemas.ts`.
 */
export type WorkflowNode = StepNode | PipelineNode | RouteNode | FanOutNode | LoopNode | GateNode | VotingNode | CrmWriteNode | CrmRecordNode | EffectNode | TransformNode;

export interface StepNode {
  readonly kind: 'step';
  readonly id: string;
  readonly agent: AnyAgent;
  /** Below this confidence the output goes to a human instead of the next step. */
  readonly minConfidence?: number;
  /** Overrides the agent's own time limit for this step. */
  readonly timeoutMs?: number;
}

export interface PipelineNode {
  readonly kind: 'pipeline';
  readonly id: string;
  /** Each stage's output is the next stage's input; at most five stages. */
  readonly stages: readonly WorkflowNode[];
  /**
   * Fields of the pipeline's own input handed to every later stage alongside the previous
   * output (the contacts a sequence is for, past the writer that does not need them).
   */
  readonly carry: readonly string[];
}

export interface RouteNode {
  readonly kind: 'route';
  readonly id: string;
  /** Classifies into `{category, confidence, reason}`; it never acts. */
  readonly router: AnyAgent;
  /** Below this confidence a human picks the category. */
  readonly threshold: number;
  /** One branch per category; `null` means the category needs no action (logged, nothing sent). */
  readonly branches: Readonly<Record<string, WorkflowNode | null>>;
  /** The review policy for low-confidence items. */
  readonly reviewAction: string;
}

export interface FanOutNode {
  readonly kind: 'fanOut';
  readonly id: string;
  readonly branches: Readonly<Record<string, WorkflowNode>>;
  /** Resolves conflicts, deduplicates and synthesises; raw concatenation is not a merge. */
  readonly merge: AnyAgent;
  /** Each branch step's own time limit; after it the merge runs without that branch. */
  readonly branchTimeoutMs: number;
}

export interface LoopNode {
  readonly kind: 'loop';
  readonly id: string;
  readonly producer: AnyAgent;
  /** Its output has `pass: boolean`; its failures go back to the producer as `feedback`. */
  readonly critic: AnyAgent;
  /** 1 to 3; past it, a human sees the last draft with every iteration's findings. */
  readonly maxIterations: number;
  readonly escalationAction: string;
}

export interface GateNode {
  readonly kind: 'gate';
  readonly id: string;
  /** The action type under review (`send_sequence`, `crm_write`): config gives it a risk level and reviewers. */
  readonly action: string;
}

export interface VotingNode {
  readonly kind: 'voting';
  readonly id: string;
  /** The same task to each producer; their outputs must share one schema. */
  readonly producers: readonly AnyAgent[];
  /** Picks one candidate: its output has `choice`, a 0-based index. */
  readonly judge: AnyAgent;
}

/**
 * A CRM write: the proposer agent's change goes through governance as a change set; an
 * auto-approved one is written at once, a gated one waits for a reviewer (action `crm_write`),
 * an invalid one is dead-lettered. The proposer is named here, not in its output, so an agent
 * can never claim another's allow-list.
 */
export interface CrmWriteNode {
  readonly kind: 'crmWrite';
  readonly id: string;
  readonly proposer: AnyAgent;
  readonly action: string;
}

/**
 * A step with no model: a named effect (publish an alert, read the CRM, schedule a follow-up)
 * bound by the composition root. Recorded like any step, so a redelivered job never repeats it.
 */
export interface EffectNode {
  readonly kind: 'effect';
  readonly id: string;
  readonly effect: EffectContract;
}

/**
 * CRM writes that follow from the workflow's own data, not from a model: an opt-out sets the
 * contact's flag, an approved sequence is recorded on each contact. `propose` is code (pure, so
 * the planner can call it), one change set per record, each through governance exactly as an
 * agent's would be, under `actor`'s allow-list; gated ones wait for a reviewer each. Its output
 * is its input with `crmWrites` added.
 */
export interface CrmRecordNode {
  readonly kind: 'crmRecord';
  readonly id: string;
  /** Whose allow-list and priority the changes are judged by: the agent whose work they record. */
  readonly actor: string;
  readonly input: z.ZodObject;
  readonly propose: (input: never) => readonly ChangeProposal[];
  readonly action: string;
}

/**
 * A pure reshaping between two stages whose schemas differ only in layout (a sequence handed
 * on as `{ sequence, contacts }`). Evaluated by the planner itself: no job, no record, and
 * because it is pure it gives the same output every time the run is planned.
 */
export interface TransformNode {
  readonly kind: 'transform';
  readonly id: string;
  readonly input: z.ZodObject;
  readonly output: z.ZodObject;
  readonly map: (input: never) => unknown;
}
