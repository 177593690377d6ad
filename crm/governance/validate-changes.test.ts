import { describe, expect, it } from 'vitest';
import { GovernanceSettingsSchema } from '../../src/settings/governance-schema.js';
import { validateChanges } from './validate-changes.js';

const { fieldRules: rules } = GovernanceSettingsSchema.parse({ fieldRules: { Opportunity: { Region__c: { kind: 'enum', values: ['North', 'South'] } } } });
const check = (type: 'Opportunity' | 'Lead', field: string, newValue: unknown) => validateChanges({ type, changes: [{ field, newValue }], rules, activeUserIds: new Set(['005A']) });

describe('validateChanges', () => {
  it('accepts values that fit, clearing a field, and fields without a rule', () => {
    for (const [field, value] of [['Amount', 0], ['CloseDate', '2024-02-29'], ['StageName', 'Proposal'], ['OwnerId', '005A'], ['Amount', null], ['Description', -1], ['Region__c', 'North']] as const) {
      expect(check('Opportunity', field, value)).toEqual([]);
    }
  });

  it('rejects impossible values with a reason naming the field', () => {
    expect(check('Opportunity', 'Amount', -5)[0]!.message).toBe('Opportunity.Amount: -5 is not a number zero or above');
    expect(check('Opportunity', 'CloseDate', '2025-02-30')[0]!.message).toContain('is not a date');
    expect(check('Opportunity', 'StageName', 'Won-ish')[0]!.message).toContain('is not one of Prospecting');
    expect(check('Opportunity', 'OwnerId', null)[0]!.message).toContain('is not an active user');
    expect(check('Lead', 'NumberOfEmployees', 12.5)[0]!.message).toContain('positive whole number');
    expect(check('Lead', 'Email', 'no-at-sign.example')).toHaveLength(1);
    expect(check('Opportunity', 'Region__c', 'East')).toHaveLength(1);
  });

  it('keeps the default rules when a settings file adds its own', () => {
    expect(rules.Opportunity?.['Amount']).toEqual({ kind: 'nonNegativeNumber' });
    expect(() => GovernanceSettingsSchema.parse({ fieldRules: { Lead: { Status: { kind: 'enum' } } } })).toThrow(/lists its values/);
  });
});
