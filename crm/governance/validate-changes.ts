import type { CrmObjectType } from '../adapter/index.js';
import type { FieldRule } from '../../src/settings/governance-defaults.js';
import type { GovernanceReason } from './governance-decision.js';

export interface ProposedValue {
  readonly field: string;
  readonly newValue?: unknown;
}

export interface ValidateChangesInput {
  readonly type: CrmObjectType;
  readonly changes: readonly ProposedValue[];
  readonly rules: Partial<Record<CrmObjectType, Readonly<Record<string, FieldRule>>>>;
  /** The ids of active users: an owner must be one of them. */
  readonly activeUserIds: ReadonlySet<string>;
}

// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is not a validation concern.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `2025-02-30` has the shape but is not a day. */
function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Why `value` breaks `rule`, or undefined when it does not. Null clears a field, except an owner. */
function problemWith(value: unknown, rule: FieldRule, activeUserIds: ReadonlySet<string>): string | undefined {
  if (value === null && rule.kind !== 'user') return undefined;
  switch (rule.kind) {
    case 'email':
      return typeof value === 'string' && value.length <= 254 && EMAIL.test(value) ? undefined : 'is not a well-formed email address';
    case 'positiveInteger':
      return typeof value === 'number' && Number.isInteger(value) && value > 0 ? undefined : 'is not a positive whole number';
    case 'nonNegativeNumber':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : 'is not a number zero or above';
    case 'user':
      return typeof value === 'string' && activeUserIds.has(value) ? undefined : 'is not an active user';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? undefined : 'is not a date (YYYY-MM-DD)';
    case 'enum':
      return typeof value === 'string' && (rule.values ?? []).includes(value) ? undefined : `is not one of ${(rule.values ?? []).join(', ')}`;
  }
}

/** Every impossible value in the changes, each naming its object, field and value. */
export function validateChanges(input: ValidateChangesInput): GovernanceReason[] {
  const rules = input.rules[input.type] ?? {};
  return input.changes.flatMap((change) => {
    const rule = rules[change.field];
    const value = change.newValue ?? null;
    const problem = rule === undefined ? undefined : problemWith(value, rule, input.activeUserIds);
    if (problem === undefined) return [];
    return [{ code: 'invalid_value' as const, message: `${input.type}.${change.field}: ${JSON.stringify(value)} ${problem}`, field: change.field, value }];
  });
}
