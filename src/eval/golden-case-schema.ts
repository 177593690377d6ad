import { z } from 'zod';
import type { GoldenWorld } from './golden-world-schema.js';

/**
 * One golden case: an input, how its human gates are settled, the properties its result must
 * have, and a known-good output to measure agreement against. Files live in
 * `golden/<workflow>/<case>.json`; this schema is the whole format.
 */

const RUN_STATUSES = ['succeeded', 'partial', 'failed', 'cancelled', 'waiting_for_human'] as const;

/** How one field of the output is compared with the known-good one (see agreement.ts). */
export const MeasureSchema = z.enum(['exact', 'tokens', 'set', 'number', 'auto']);
export type Measure = z.infer<typeof MeasureSchema>;

const fieldPath = z.string().regex(/^$|^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'a dotted path into the output, such as routing.category or emails.0.subject');

/** A decision the eval takes, as its reviewer, when the run waits at the approval with this key. */
export const CaseDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ at: z.string().min(1), decision: z.literal('approve') }),
  z.object({ at: z.string().min(1), decision: z.literal('edit'), payload: z.unknown() }),
  z.object({ at: z.string().min(1), decision: z.literal('reject'), reason: z.string().trim().min(1, 'say why the item is rejected') }),
]);
export type CaseDecision = z.infer<typeof CaseDecisionSchema>;

/** One property of one output field; every stated condition must hold. */
export const FieldExpectationSchema = z
  .object({
    path: fieldPath,
    equals: z.unknown().optional(),
    oneOf: z.array(z.unknown()).min(1).optional(),
    contains: z.string().min(1).optional(),
    notContains: z.string().min(1).optional(),
    matches: z.string().min(1).optional(),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    minItems: z.number().int().nonnegative().optional(),
    maxItems: z.number().int().nonnegative().optional(),
  })
  .strict();
export type FieldExpectation = z.infer<typeof FieldExpectationSchema>;

export const CaseExpectationsSchema = z
  .object({
    /** The run's status once every decision is taken. */
    status: z.enum(RUN_STATUSES).default('succeeded'),
    /** Output fields that must be present and not empty. */
    required: z.array(fieldPath).default([]),
    fields: z.array(FieldExpectationSchema).default([]),
    /** Rule ids (`agent/check` or `critic/rule`) that must have been checked and passed. */
    rulesPass: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a rule id such as email-qa/word-count')).default([]),
    /** The most producer rounds a critic loop may take. */
    maxIterations: z.number().int().min(1).max(3).optional(),
    /** The last critic verdict of every loop passed. */
    criticPasses: z.boolean().optional(),
    /** The lowest agreement with the known-good output this case accepts. */
    minAgreement: z.number().min(0).max(1).optional(),
  })
  .strict();
export type CaseExpectations = z.infer<typeof CaseExpectationsSchema>;

/** An output a person accepted (or wrote), and which of its fields agreement compares and how. */
export const KnownOutputSchema = z
  .object({
    output: z.unknown(),
    /** Path to measure; empty means every top-level field, each by `auto`. */
    fields: z.record(fieldPath, MeasureSchema).default({}),
  })
  .strict();
export type KnownOutput = z.infer<typeof KnownOutputSchema>;

/** Where an exported case came from: the human decision it replays, with the edit as a diff. */
export const CaseSourceSchema = z.object({
  runId: z.string(),
  approvalId: z.string(),
  key: z.string(),
  action: z.string(),
  kind: z.string(),
  outcome: z.enum(['approved', 'edited', 'rejected']),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  diff: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type CaseSource = z.infer<typeof CaseSourceSchema>;

export const GoldenCaseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'kebab-case, such as positive-next-week'),
    description: z.string().min(1).optional(),
    input: z.record(z.string(), z.unknown()),
    decisions: z.array(CaseDecisionSchema).default([]),
    expect: CaseExpectationsSchema.default(CaseExpectationsSchema.parse({})),
    knownGood: KnownOutputSchema.optional(),
    /** An output a person rejected: the result must not come this close to it. */
    knownBad: KnownOutputSchema.extend({ reason: z.string().optional(), maxAgreement: z.number().min(0).max(1).default(0.9) }).optional(),
    source: CaseSourceSchema.optional(),
  })
  .strict();
export type GoldenCase = z.infer<typeof GoldenCaseSchema>;
export type GoldenCaseInput = z.input<typeof GoldenCaseSchema>;

export interface GoldenSet {
  readonly workflow: string;
  readonly folder: string;
  readonly cases: readonly GoldenCase[];
  /** The scratch world the set runs in (`_world.json`); defaults when the set has none. */
  readonly world: GoldenWorld;
  /** SHA-256 of the cases as loaded: a changed golden set is named in the drift report. */
  readonly digest: string;
}
