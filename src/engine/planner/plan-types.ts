import type { z } from 'zod';
import type { StoredError } from '../../store/index.js';
import type { MissingBranches } from '../workflow/handoff-schemas.js';

/** The latest attempt of one step, as the planner needs it. */
export interface StepRecord {
  readonly key: string;
  readonly attempt: number;
  readonly status: 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled' | 'waiting_for_human';
  readonly output: unknown;
  readonly error: StoredError | null;
  readonly confidence: number | null;
  /** Of the input the step ran with; null for rows written before fingerprints were kept. */
  readonly inputFingerprint: string | null;
}

export type ApprovalStatus = 'pending' | 'approved' | 'edited' | 'rejected' | 'expired' | 'cancelled';

export interface ApprovalRecord {
  readonly key: string;
  readonly status: ApprovalStatus;
  /** What was put up for review; for `edited`, the reviewer's version replaces it. */
  readonly payload: unknown;
  readonly editedPayload: unknown;
  readonly reason: string | null;
  readonly decidedBy: string | null;
}

export interface RunState {
  readonly input: unknown;
  readonly steps: ReadonlyMap<string, StepRecord>;
  readonly approvals: ReadonlyMap<string, ApprovalRecord>;
}

export interface QueuedStep {
  readonly key: string;
  readonly agent: string;
  readonly input: unknown;
  readonly attempt: number;
  readonly timeoutMs: number | undefined;
}

/** A human decision the run needs: a gate, a low-confidence review, or an escalation. */
export interface OpenedGate {
  readonly key: string;
  readonly kind: 'gate' | 'review' | 'escalation';
  /** The review policy's action type. */
  readonly action: string;
  /** What the reviewer approves or edits. */
  readonly payload: unknown;
  /** What an edit is validated against. */
  readonly schema: z.ZodObject;
  /** Shown beside the payload: input summary, rules checked, the agent's reasons, loop history. */
  readonly context: unknown;
}

export type RunOutcome =
  | { readonly status: 'running' }
  | { readonly status: 'waiting_for_human' }
  | { readonly status: 'succeeded'; readonly output: unknown }
  | { readonly status: 'partial'; readonly output: unknown; readonly error?: StoredError }
  | { readonly status: 'failed'; readonly error: StoredError };

export interface Plan {
  readonly queue: readonly QueuedStep[];
  readonly gates: readonly OpenedGate[];
  readonly outcome: RunOutcome;
}

/** A node's state after evaluation: finished with an output, still in progress, or failed. */
export type Evaluation =
  | { readonly state: 'done'; readonly output: unknown; readonly missing: MissingBranches }
  | { readonly state: 'active' }
  | { readonly state: 'failed'; readonly error: StoredError; readonly key: string };
