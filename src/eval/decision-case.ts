import type { CaseDecision, GoldenCaseInput } from './golden-case-schema.js';
import { diffJson } from './json-diff.js';

/** A decided approval with the run it belongs to, as export-decisions reads it. */
export interface DecidedApproval {
  readonly id: string;
  readonly runId: string;
  readonly workflow: string;
  readonly key: string;
  readonly kind: 'gate' | 'review' | 'escalation';
  readonly action: string;
  readonly outcome: 'approved' | 'edited' | 'rejected';
  readonly payload: unknown;
  readonly editedPayload: unknown;
  readonly reason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly runInput: Record<string, unknown>;
  readonly runOutput: unknown;
  readonly runStatus: string;
}

/**
 * One human decision as a golden case. The case replays the run's other decisions as they were
 * taken, and at this one measures the machine against the person:
 * - a gate approved as is: the approved output is known-good;
 * - a gate edited: the eval approves the fresh draft and the person's version is known-good, so
 *   agreement says how close the draft now comes to what the person wanted (the edit is kept as a diff);
 * - a gate rejected: the eval approves the fresh draft, which must not match the rejected one;
 * - a review (low-confidence route): the person's category is expected, and replayed if asked again.
 */
export function decisionCase(focus: DecidedApproval, runDecisions: readonly DecidedApproval[]): GoldenCaseInput {
  const diff = focus.outcome === 'edited' ? diffJson(focus.payload, focus.editedPayload) : [];
  const base = {
    id: `${focus.outcome}-${focus.id.slice(0, 8).toLowerCase()}`,
    description: `${focus.outcome} by ${focus.decidedBy ?? 'unknown'} at ${focus.key} (${focus.action}) of ${focus.workflow} run ${focus.runId}${focus.reason === null ? '' : `: ${focus.reason}`}`,
    input: focus.runInput,
    decisions: runDecisions.map((approval) => (approval.id === focus.id ? focusReplay(approval) : replay(approval))),
    source: { runId: focus.runId, approvalId: focus.id, key: focus.key, action: focus.action, kind: focus.kind, outcome: focus.outcome, decidedBy: focus.decidedBy, decidedAt: focus.decidedAt, reason: focus.reason, diff },
  };
  if (focus.kind === 'review') {
    const category = categoryOf(focus.outcome === 'edited' ? focus.editedPayload : focus.payload);
    if (focus.outcome === 'rejected' || category === undefined) return { ...base, expect: { status: 'failed' } };
    return {
      ...base,
      expect: { status: 'succeeded', fields: [{ path: 'routing.category', equals: category }] },
      ...(focus.runStatus === 'succeeded' ? { knownGood: { output: focus.runOutput, fields: { 'routing.category': 'exact' } } } : {}),
    };
  }
  if (focus.outcome === 'rejected') return { ...base, expect: { status: 'succeeded' }, knownBad: { output: focus.payload, ...(focus.reason === null ? {} : { reason: focus.reason }) } };
  const accepted = focus.outcome === 'edited' ? focus.editedPayload : focus.payload;
  return { ...base, expect: { status: 'succeeded' }, knownGood: { output: focus.runStatus === 'succeeded' ? focus.runOutput : accepted } };
}

/** The decision at the focus: the eval lets the machine's draft through so it can be measured. */
function focusReplay(approval: DecidedApproval): CaseDecision {
  if (approval.kind !== 'review') return { at: approval.key, decision: 'approve' };
  return replay(approval);
}

/** The decision as the person took it. */
function replay(approval: DecidedApproval): CaseDecision {
  switch (approval.outcome) {
    case 'approved':
      return { at: approval.key, decision: 'approve' };
    case 'edited':
      return { at: approval.key, decision: 'edit', payload: approval.editedPayload };
    case 'rejected':
      return { at: approval.key, decision: 'reject', reason: approval.reason ?? 'rejected by a reviewer' };
  }
}

function categoryOf(payload: unknown): string | undefined {
  const category = payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>)['category'] : undefined;
  return typeof category === 'string' ? category : undefined;
}
