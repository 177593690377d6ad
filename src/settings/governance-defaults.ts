import type { CrmObjectType } from '../contracts/crm-object-types.js';

export type RiskLevel = 'low' | 'medium' | 'high';
export type FieldRuleKind = 'email' | 'positiveInteger' | 'nonNegativeNumber' | 'user' | 'date' | 'enum';
export interface FieldRule {
  readonly kind: FieldRuleKind;
  /** For `enum`: the allowed values (a picklist). */
  readonly values?: readonly string[];
}

export const OPPORTUNITY_STAGES = ['Prospecting', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'] as const;
export const LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'] as const;

/** Values no CRM should accept, checked before anything downstream (routing, scoring) reads them. */
export const DEFAULT_FIELD_RULES: Partial<Record<CrmObjectType, Record<string, FieldRule>>> = {
  Account: { NumberOfEmployees: { kind: 'positiveInteger' }, AnnualRevenue: { kind: 'nonNegativeNumber' }, OwnerId: { kind: 'user' } },
  Contact: { Email: { kind: 'email' }, OwnerId: { kind: 'user' } },
  Lead: {
    Email: { kind: 'email' },
    NumberOfEmployees: { kind: 'positiveInteger' },
    OwnerId: { kind: 'user' },
    Status: { kind: 'enum', values: LEAD_STATUSES },
  },
  Opportunity: {
    Amount: { kind: 'nonNegativeNumber' },
    CloseDate: { kind: 'date' },
    OwnerId: { kind: 'user' },
    StageName: { kind: 'enum', values: OPPORTUNITY_STAGES },
  },
  Task: { ActivityDate: { kind: 'date' }, OwnerId: { kind: 'user' } },
  User: { Email: { kind: 'email' } },
};

/** Low applies automatically, medium applies and notifies, high waits for a human. An object not named here is high. */
export const DEFAULT_RISK: Partial<Record<CrmObjectType, RiskLevel>> = {
  Account: 'medium',
  Contact: 'low',
  Lead: 'low',
  Opportunity: 'high',
  Task: 'low',
  User: 'high',
};

/** What the built-in agents may write; an agent not named here may write nothing. */
export const DEFAULT_ALLOWED_FIELDS: Record<string, Partial<Record<CrmObjectType, readonly string[]>>> = {
  'research-merge': {
    Account: ['Industry', 'NumberOfEmployees', 'Website', 'AnnualRevenue', 'Description'],
    Lead: ['Industry', 'NumberOfEmployees', 'Website', 'Title'],
  },
  'reply-classifier': { Lead: ['Status'] },
  'rep-router': { Lead: ['OwnerId', 'NumberOfEmployees', 'Industry', 'Country', 'State', 'AnnualRevenue'] },
  'email-writer': { Contact: ['Baton_Sequence_Status__c', 'Baton_Sequence_Subjects__c'], Lead: ['Baton_Sequence_Status__c', 'Baton_Sequence_Subjects__c'] },
  'opt-out-confirmer': { Contact: ['HasOptedOutOfEmail', 'Baton_Sequence_Status__c'], Lead: ['HasOptedOutOfEmail', 'Baton_Sequence_Status__c'] },
};
