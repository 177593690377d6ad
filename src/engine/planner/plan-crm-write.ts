import { CRM_EFFECTS, CrmApprovalPayloadSchema, type CrmWriteResult } from '../../contracts/crm-write.js';
import type { ErrorCode } from '../../errors/index.js';
import type { CrmWriteNode } from '../workflow/workflow-nodes.js';
import { done, evaluateAgent, evaluateGate, evaluateStep, failed, storedError, type PlanContext } from './plan-context.js';
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
  const proposed = evaluateEffect(context, `${key}/change-set`, CRM_EFFECTS.propose, { proposal: proposal.output, agent: node.proposer.name, agentVersion: node.proposer.version });
  if (proposed.state !== 'done') return proposed;
  const changeSet = proposed.output as CrmWriteResult;
  if (changeSet.status === 'applied') return done(changeSet);
  const code = UNWRITTEN[changeSet.status];
  if (code !== undefined) return failed(`${key}/change-set`, storedError(code, `CRM change set ${changeSet.changeSetId} was ${changeSet.status}: ${changeSet.reasons.join('; ')}`, { changeSetId: changeSet.changeSetId }));
  const payload = { changeSetId: changeSet.changeSetId, record: changeSet.record, changes: changeSet.changes };
  const decision = evaluateGate(context, { key: `${key}/approve`, kind: 'gate', action: node.action, payload, schema: CrmApprovalPayloadSchema, context: { reasons: changeSet.reasons, status: changeSet.status } });
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
