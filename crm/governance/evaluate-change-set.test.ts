import { describe, expect, it } from 'vitest';
import { evaluateChangeSet, type EvaluateChangeSetInput } from './evaluate-change-set.js';
import { GovernanceSettingsSchema } from '../../src/settings/governance-schema.js';

const now = new Date('2025-06-02T12:00:00.000Z');
const settings = GovernanceSettingsSchema.parse({
  allowedFields: { enricher: { Account: ['NumberOfEmployees', 'Industry', 'OwnerId'], Contact: ['Title', 'Email'], Opportunity: ['Amount'] } },
});

function input(overrides: Partial<EvaluateChangeSetInput> = {}): EvaluateChangeSetInput {
  return {
    settings, agent: 'enricher', confidence: 0.9, record: { type: 'Contact', id: '003A' }, changes: [{ field: 'Title', newValue: 'VP of Sales' }],
    legalHoldOn: null, activeUserIds: new Set(), recentWrites: [], pendingWrites: 0, now, ...overrides,
  };
}

describe('evaluateChangeSet', () => {
  it('applies a confident low-risk change automatically, saying why', () => {
    const decision = evaluateChangeSet(input());
    expect(decision).toMatchObject({ outcome: 'apply', risk: 'low' });
    expect(decision.reasons[0]!.message).toContain('low risk');
  });

  it('dead-letters an employee count of -1, naming the field and the value', () => {
    const decision = evaluateChangeSet(input({ record: { type: 'Account', id: '001A' }, changes: [{ field: 'NumberOfEmployees', newValue: -1 }] }));
    expect(decision.outcome).toBe('dead_letter');
    expect(decision.reasons).toEqual([{ code: 'invalid_value', field: 'NumberOfEmployees', value: -1, message: 'Account.NumberOfEmployees: -1 is not a positive whole number' }]);
  });

  it('dead-letters a malformed email and an unknown owner', () => {
    expect(evaluateChangeSet(input({ changes: [{ field: 'Email', newValue: 'maya@@acme' }] })).reasons[0]!.message).toContain('not a well-formed email');
    const owner = evaluateChangeSet(input({ record: { type: 'Account', id: '001A' }, changes: [{ field: 'OwnerId', newValue: '005Nobody' }] }));
    expect(owner.outcome).toBe('dead_letter');
    expect(owner.reasons[0]!.message).toContain('is not an active user');
  });

  it('refuses a field outside the agent allow-list, and everything for an agent without one', () => {
    const refused = evaluateChangeSet(input({ changes: [{ field: 'Phone', newValue: '+1 555 0100' }] }));
    expect(refused).toMatchObject({ outcome: 'refused', reasons: [{ code: 'field_not_allowed', field: 'Phone' }] });
    expect(evaluateChangeSet(input({ agent: 'stranger' })).reasons[0]!.message).toContain('allowed: none');
  });

  it('sends a change to a record under legal hold to a human, never applies it', () => {
    const decision = evaluateChangeSet(input({ legalHoldOn: { type: 'Account', id: '001H' } }));
    expect(decision).toMatchObject({ outcome: 'legal_hold', legalHoldOn: { type: 'Account', id: '001H' } });
    expect(decision.reasons[0]!.message).toContain('through Account 001H');
  });

  it('gates low confidence and high risk, listing both reasons', () => {
    expect(evaluateChangeSet(input({ confidence: 0.79 }))).toMatchObject({ outcome: 'gate', reasons: [{ code: 'low_confidence' }] });
    const both = evaluateChangeSet(input({ confidence: 0.5, record: { type: 'Opportunity', id: '006A' }, changes: [{ field: 'Amount', newValue: 10 }] }));
    expect(both.reasons.map((reason) => reason.code)).toEqual(['low_confidence', 'high_risk']);
  });

  it('holds the fourth write in an hour until the oldest ages out', () => {
    const recentWrites = [40, 20, 5].map((minutes) => new Date(now.getTime() - minutes * 60_000));
    const decision = evaluateChangeSet(input({ recentWrites }));
    expect(decision).toMatchObject({ outcome: 'held', retryAt: '2025-06-02T12:20:00.000Z', reasons: [{ code: 'rate_limited' }] });
    expect(evaluateChangeSet(input({ recentWrites: recentWrites.slice(1) })).outcome).toBe('apply');
  });

  it('applies medium-risk changes with a notification', () => {
    expect(evaluateChangeSet(input({ record: { type: 'Account', id: '001A' }, changes: [{ field: 'Industry', newValue: 'Retail' }] })).outcome).toBe('notify');
  });
});
