import type { AnyAgent } from '../../../agents/index.js';

/**
 * A workflow is a tree of these nodes, declared as data with typed agent references, so it can
 * be listed, validated, versioned, drawn and exposed as a tool. Each node's input and output are
 * fixed by the conventions in `node-schemas.ts`.
 */
export type WorkflowNode = StepNode | PipelineNode | RouteNode | FanOutNode | LoopNode | GateNode | VotingNode | CrmWriteNode;

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
