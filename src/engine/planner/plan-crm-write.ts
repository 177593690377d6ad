import { ChangeProposalSchema, CRM_EFFECTS, CrmApprovalPayloadSchema, type ChangeProposal, type CrmWriteResult } from '../../contracts/crm-write.js';
import { formatZodIssues } from '../../errors/index.js';
import type { ErrorCode } from '../../errors/index.js';
import type { CrmRecordNode, CrmWriteNode } from '../workflow/workflow-nodes.js';
import { ACTIVE, done, evaluateAgent, evaluateGate, evaluateStep, failed, storedError, type PlanContext } from './plan-context.js';
import type { Evaluation } from './plan-types.js';

/** Where governance leaves a change set that will not be written, and how the run reports it. */
const UNWRITTEN: Readonly<Record<string, ErrorCode>> = {
  dead_lettered: 'input_invalid',
  refused: 'unauthorized',
  rejected: 'rejected',
  superseded: 'conflict',
  conflicted: 'conflict',
  rolled_back: 'conflict',
};

/**
 * The proposer's change, then the change set (governance decides and, when it may, writes),
 * then for a gated change a reviewer, then the write. Every step is a recorded effect, so a
 * crash or a retry never writes twice (the change set's idempotency key is the step's).
 */
export function evaluateCrmWrite(context: PlanContext, node: CrmWriteNode, key: string, input: unknown): Evaluation {
  const proposal = evaluateAgent(context, { key: `${key}/propose`, agent: node.proposer, input });
  if (proposal.state !== 'done') return proposal;
  return evaluateChangeSet(context, key, node.action, { proposal: proposal.output, agent: node.proposer.name, agentVersion: node.proposer.version });
}

/**
 * Code-derived writes: one change set per proposed record, all evaluated at once so they go
 * through governance in parallel; the node is done when every record is written, and passes
 * its input on with `crmWrites` added, so what was recorded and what it recorded travel together.
 */
export function evaluateCrmRecord(context: PlanContext, node: CrmRecordNode, key: string, input: unknown): Evaluation {
  const parsed = node.input.safeParse(input);
  if (!parsed.success) return failed(key, storedError('input_invalid', `CRM record ${key} input is invalid: ${formatZodIssues(parsed.error.issues)}`));
  let proposals: ChangeProposal[];
  try {
    proposals = ChangeProposalSchema.array().parse(node.propose(parsed.data as never));
  } catch (thrown) {
    return failed(key, storedError('internal', `CRM record ${key} could not build its changes: ${thrown instanceof Error ? thrown.message : String(thrown)}`));
  }
  const results = proposals.map((proposal, index) => evaluateChangeSet(context, `${key}/${index + 1}`, node.action, { proposal, agent: node.actor, agentVersion: 'code' }));
  const failure = results.find((result) => result.state === 'failed');
  if (failure !== undefined) return failure;
  if (results.some((result) => result.state !== 'done')) return ACTIVE;
  return done({ ...parsed.data, crmWrites: results.map((result) => (result.state === 'done' ? result.output : null)) });
}

/** A proposal through governance, a reviewer when it is gated, then the write. */
function evaluateChangeSet(context: PlanContext, key: string, action: string, request: { proposal: unknown; agent: string; agentVersion: string }): Evaluation {
  const proposed = evaluateEffect(context, `${key}/change-set`, CRM_EFFECTS.propose, request);
  if (proposed.state !== 'done') return proposed;
  const changeSet = proposed.output as CrmWriteResult;
  if (changeSet.status === 'applied') return done(changeSet);
  const code = UNWRITTEN[changeSet.status];
  if (code !== undefined) return failed(`${key}/change-set`, storedError(code, `CRM change set ${changeSet.changeSetId} was ${changeSet.status}: ${changeSet.reasons.join('; ')}`, { changeSetId: changeSet.changeSetId }));
  const payload = { changeSetId: changeSet.changeSetId, record: changeSet.record, changes: changeSet.changes };
  const decision = evaluateGate(context, { key: `${key}/approve`, kind: 'gate', action, payload, schema: CrmApprovalPayloadSchema, context: { reasons: changeSet.reasons, status: changeSet.status } });
  if (decision.state !== 'done') return decision;
  const approval = context.state.approvals.get(`${key}/approve`);
  const edits = approval?.status === 'edited' ? editedValues(payload.changes, decision.output) : undefined;
  const applied = evaluateEffect(context, `${key}/apply`, CRM_EFFECTS.apply, { changeSetId: changeSet.changeSetId, approvedBy: approval?.decidedBy ?? 'unknown', ...(edits === undefined ? {} : { edits }) });
  return applied.state === 'done' ? done(applied.output) : applied;
}

/** The fields whose new value the reviewer changed, by field. */
function editedValues(original: CrmWriteResult['changes'], edited: unknown): Record<string, unknown> | undefined {
  const parsed = CrmApprovalPayloadSchema.safeParse(edited);
  if (!parsed.success) return undefined;
  const before = new Map(original.map((change) => [change.field, JSON.stringify(change.newValue)]));
  const changed = parsed.data.changes.filter((change) => before.get(change.field) !== JSON.stringify(change.newValue));
  return changed.length === 0 ? undefined : Object.fromEntries(changed.map((change) => [change.field, change.newValue]));
}

function evaluateEffect(context: PlanContext, key: string, effect: string, input: unknown): Evaluation {
  return evaluateStep(context, { key, agentName: effect, input });
}
