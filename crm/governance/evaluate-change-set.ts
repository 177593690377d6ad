import type { CrmObjectType, RecordRef } from '../adapter/index.js';
import type { RiskLevel } from '../../src/settings/governance-defaults.js';
import type { GovernanceDecision, GovernanceReason } from './governance-decision.js';
import type { GovernanceSettings } from '../../src/settings/governance-schema.js';
import { checkRateCap } from './rate-cap.js';
import { validateChanges, type ProposedValue } from './validate-changes.js';

export interface EvaluateChangeSetInput {
  readonly settings: GovernanceSettings;
  readonly agent: string;
  readonly confidence: number;
  readonly record: RecordRef;
  readonly changes: readonly ProposedValue[];
  /** The record whose legal hold covers this one (itself or its account), or null. */
  readonly legalHoldOn: RecordRef | null;
  readonly activeUserIds: ReadonlySet<string>;
  readonly recentWrites: readonly Date[];
  readonly pendingWrites: number;
  readonly now: Date;
}

export function riskOf(settings: GovernanceSettings, type: CrmObjectType): RiskLevel {
  return settings.risk[type] ?? 'high';
}

/**
 * Governance's decision before any write, pure: impossible values go to the dead letters, fields
 * outside the agent's allow-list are refused, legal holds wait for a human override, low
 * confidence and high risk wait for approval, the hourly cap holds, and the rest applies
 * (medium risk with a notification). Every decision says why.
 */
export function evaluateChangeSet(input: EvaluateChangeSetInput): GovernanceDecision {
  const risk = riskOf(input.settings, input.record.type);
  const invalid = validateChanges({ type: input.record.type, changes: input.changes, rules: input.settings.fieldRules, activeUserIds: input.activeUserIds });
  if (invalid.length > 0) return { outcome: 'dead_letter', risk, reasons: invalid };
  const refused = fieldsNotAllowed(input);
  if (refused.length > 0) return { outcome: 'refused', risk, reasons: refused };
  if (input.legalHoldOn !== null) return legalHoldDecision(input.record, input.legalHoldOn, risk);
  const gates = gateReasons(input, risk);
  if (gates.length > 0) return { outcome: 'gate', risk, reasons: gates };
  const cap = checkRateCap({ recentWrites: input.recentWrites, pendingWrites: input.pendingWrites, maxWritesPerHour: input.settings.maxWritesPerRecordPerHour, now: input.now });
  if (cap.reached) {
    const message = `${input.record.type} ${input.record.id} already has ${cap.used} writes in the last hour (the cap is ${input.settings.maxWritesPerRecordPerHour}); held until ${cap.retryAt.toISOString()}`;
    return { outcome: 'held', risk, reasons: [{ code: 'rate_limited', message }], retryAt: cap.retryAt.toISOString() };
  }
  const confidence = `confidence ${input.confidence} is at or above ${input.settings.confidenceThreshold}`;
  if (risk === 'medium') return { outcome: 'notify', risk, reasons: [{ code: 'medium_risk', message: `${input.record.type} writes are medium risk and ${confidence}: applied, with a notification` }] };
  return { outcome: 'apply', risk, reasons: [{ code: 'low_risk', message: `${input.record.type} writes are low risk and ${confidence}: applied automatically` }] };
}

function fieldsNotAllowed(input: EvaluateChangeSetInput): GovernanceReason[] {
  const allowed = input.settings.allowedFields[input.agent]?.[input.record.type] ?? [];
  return input.changes
    .filter((change) => !allowed.includes(change.field))
    .map((change) => ({
      code: 'field_not_allowed' as const,
      message: `${input.agent} may not write ${input.record.type}.${change.field} (allowed: ${allowed.length === 0 ? 'none' : allowed.join(', ')}); add it to governance.allowedFields to allow it`,
      field: change.field,
    }));
}

function legalHoldDecision(record: RecordRef, heldOn: RecordRef, risk: RiskLevel): GovernanceDecision {
  const through = heldOn.type === record.type && heldOn.id === record.id ? '' : ` through ${heldOn.type} ${heldOn.id}`;
  const message = `${record.type} ${record.id} is under legal hold${through}: never modified automatically; a human may apply it with an explicit override`;
  return { outcome: 'legal_hold', risk, reasons: [{ code: 'legal_hold', message }], legalHoldOn: heldOn };
}

function gateReasons(input: EvaluateChangeSetInput, risk: RiskLevel): GovernanceReason[] {
  const reasons: GovernanceReason[] = [];
  if (input.confidence < input.settings.confidenceThreshold) {
    reasons.push({ code: 'low_confidence', message: `confidence ${input.confidence} is below the threshold ${input.settings.confidenceThreshold}: a human approves before any write` });
  }
  if (risk === 'high') reasons.push({ code: 'high_risk', message: `${input.record.type} writes are high risk: a human approves before any write` });
  return reasons;
}
