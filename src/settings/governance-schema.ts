import { z } from 'zod';
import { CrmObjectTypeSchema } from '../contracts/crm-object-types.js';
import { DEFAULT_ALLOWED_FIELDS, DEFAULT_FIELD_RULES, DEFAULT_RISK, type FieldRule } from './governance-defaults.js';

const FieldNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a field API name, e.g. NumberOfEmployees');
export const RiskLevelSchema = z.enum(['low', 'medium', 'high']);

const FieldRuleSchema = z
  .strictObject({
    kind: z.enum(['email', 'positiveInteger', 'nonNegativeNumber', 'user', 'date', 'enum']),
    values: z.array(z.string()).min(1).optional(),
  })
  .refine((rule) => rule.kind !== 'enum' || rule.values !== undefined, { message: 'an enum rule lists its values', path: ['values'] });

type FieldRules = Partial<Record<z.infer<typeof CrmObjectTypeSchema>, Record<string, FieldRule>>>;

/** A settings file adds to the defaults field by field; it never silently drops the rule for Email. */
function mergeFieldRules(overrides: FieldRules): FieldRules {
  const merged: FieldRules = { ...DEFAULT_FIELD_RULES };
  for (const type of CrmObjectTypeSchema.options) {
    const extra = overrides[type];
    if (extra !== undefined) merged[type] = { ...DEFAULT_FIELD_RULES[type], ...extra };
  }
  return merged;
}

/**
 * Governance of CRM writes, per object and field. Each section merges over the defaults: risk per
 * object, field rules per field, allow-lists per agent (an agent's entry replaces its default).
 */
export const GovernanceSettingsSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Below this, a change waits for a human whatever its risk. */
  confidenceThreshold: z.number().min(0).max(1).default(0.8),
  /** Counted across every agent and process, in the store; excess writes are held, not dropped. */
  maxWritesPerRecordPerHour: z.number().int().min(1).max(1_000).default(3),
  /** Breaks a confidence tie between two agents proposing one field: the higher number wins. */
  agentPriority: z.record(z.string(), z.number()).default({}),
  allowedFields: z
    .record(z.string(), z.partialRecord(CrmObjectTypeSchema, z.array(FieldNameSchema)))
    .prefault({})
    .transform((overrides) => ({ ...DEFAULT_ALLOWED_FIELDS, ...overrides })),
  fieldRules: z.partialRecord(CrmObjectTypeSchema, z.record(FieldNameSchema, FieldRuleSchema)).prefault({}).transform(mergeFieldRules),
  risk: z
    .partialRecord(CrmObjectTypeSchema, RiskLevelSchema)
    .prefault({})
    .transform((overrides) => ({ ...DEFAULT_RISK, ...overrides })),
});

export type GovernanceSettings = z.output<typeof GovernanceSettingsSchema>;
export type GovernanceSettingsInput = z.input<typeof GovernanceSettingsSchema>;
