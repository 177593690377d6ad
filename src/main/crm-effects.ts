import { z } from 'zod';
import type { ChangeSet, ChangeSets } from '../../crm/change-sets/index.js';
import { ChangeProposalSchema, CRM_EFFECTS, type CrmWriteResult } from '../contracts/crm-write.js';
import type { EffectOutcome, StepEffect } from '../engine/runtime/step-effects.js';
import { BatonError, formatZodIssues } from '../errors/index.js';

const ProposeInputSchema = z.object({ proposal: ChangeProposalSchema, agent: z.string().min(1), agentVersion: z.string().min(1) });
const ApplyInputSchema = z.object({ changeSetId: z.string().min(1), approvedBy: z.string().min(1), edits: z.record(z.string(), z.unknown()).optional() });

function parse<T>(schema: z.ZodType<T>, input: unknown, effect: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new BatonError('input_invalid', `${effect} input is invalid: ${formatZodIssues(parsed.error.issues)}`);
  return parsed.data;
}

function toResult(changeSet: ChangeSet): CrmWriteResult {
  return {
    changeSetId: changeSet.id,
    status: changeSet.status,
    record: changeSet.record,
    changes: changeSet.changes.map((change) => ({ field: change.field, oldValue: change.oldValue, newValue: change.newValue })),
    reasons: changeSet.decision.reasons.map((reason) => reason.message),
  };
}

/**
 * The engine's CRM steps bound to the change sets: propose (governance decides, and writes what
 * it may approve itself) and apply (after a reviewer). A change held by the hourly cap holds
 * the step until a slot frees; nothing is dropped.
 */
export function createCrmEffects(changeSets: ChangeSets): Record<string, StepEffect> {
  const propose: StepEffect = {
    async run(input, context): Promise<EffectOutcome> {
      const { proposal, agent, agentVersion } = parse(ProposeInputSchema, input, CRM_EFFECTS.propose);
      const request = { runId: context.runId, traceId: context.traceId, agent, agentVersion, ...proposal, trigger: { kind: 'run', runId: context.runId, step: context.stepKey }, idempotencyKey: context.idempotencyKey };
      let changeSet = await changeSets.propose(request);
      if (changeSet.status === 'held' && changeSet.retryAt !== null && Date.parse(changeSet.retryAt) <= Date.now()) {
        await changeSets.releaseHeld();
        changeSet = await changeSets.get(changeSet.id);
      }
      if (changeSet.status === 'held') return { kind: 'hold', until: Date.parse(changeSet.retryAt ?? new Date(Date.now() + 60_000).toISOString()), reason: 'the record reached its hourly write cap' };
      return { kind: 'done', output: toResult(changeSet) };
    },
  };
  const apply: StepEffect = {
    async run(input, context): Promise<EffectOutcome> {
      const { changeSetId, approvedBy, edits } = parse(ApplyInputSchema, input, CRM_EFFECTS.apply);
      const current = await changeSets.get(changeSetId);
      if (current.status === 'applied') return { kind: 'done', output: toResult(current) };
      // A reviewer who approved a change to a record under legal hold did so with the hold shown: that approval is the override, audited as such.
      const override = current.decision.outcome === 'legal_hold' ? { legalHold: true as const, reason: `approved by ${approvedBy} at ${context.stepKey}` } : undefined;
      const applied = await changeSets.apply(changeSetId, { approvedBy, ...(edits === undefined ? {} : { edits }), ...(override === undefined ? {} : { override }) });
      return { kind: 'done', output: toResult(applied) };
    },
  };
  return { [CRM_EFFECTS.propose]: propose, [CRM_EFFECTS.apply]: apply };
}
