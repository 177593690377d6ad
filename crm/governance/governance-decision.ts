import type { RecordRef } from '../adapter/index.js';
import type { RiskLevel } from '../../src/settings/governance-defaults.js';

/** What governance does with a change set, in the order it checks. */
export type GovernanceOutcome = 'dead_letter' | 'refused' | 'legal_hold' | 'held' | 'gate' | 'apply' | 'notify';

export type GovernanceReasonCode =
  | 'invalid_value'
  | 'field_not_allowed'
  | 'legal_hold'
  | 'rate_limited'
  | 'low_confidence'
  | 'high_risk'
  | 'medium_risk'
  | 'low_risk';

export interface GovernanceReason {
  readonly code: GovernanceReasonCode;
  /** A sentence for a person, naming the object, field and value. */
  readonly message: string;
  readonly field?: string;
  readonly value?: unknown;
}

export interface GovernanceDecision {
  readonly outcome: GovernanceOutcome;
  readonly risk: RiskLevel;
  readonly reasons: readonly GovernanceReason[];
  /** For `held`: when the oldest write in the window ages out and a slot frees. */
  readonly retryAt?: string;
  /** For `legal_hold`: the record whose hold applies (the record itself, or the account it belongs to). */
  readonly legalHoldOn?: RecordRef;
}
