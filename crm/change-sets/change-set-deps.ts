import type { Logger } from '../../src/logging/index.js';
import type { SqlClient } from '../../src/store/index.js';
import type { CrmAdapter } from '../adapter/index.js';
import type { GovernanceOutcome, GovernanceSettings } from '../governance/index.js';
import type { ChangeSetStatus } from './change-set-types.js';

/** What every change-set operation works with. */
export interface ChangeSetDeps {
  readonly sql: SqlClient;
  readonly crm: CrmAdapter;
  readonly settings: GovernanceSettings;
  readonly logger: Logger;
  readonly clock: () => Date;
}

const STATUS_FOR: Record<GovernanceOutcome, ChangeSetStatus> = {
  dead_letter: 'dead_lettered',
  refused: 'rejected',
  legal_hold: 'awaiting_approval',
  held: 'held',
  gate: 'awaiting_approval',
  apply: 'approved',
  notify: 'approved',
};

export function statusFor(outcome: GovernanceOutcome): ChangeSetStatus {
  return STATUS_FOR[outcome];
}
