import { z } from 'zod';
import { CrmObjectTypeSchema } from './crm-object-types.js';

const FieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a field API name');

/** What an agent proposes to write: one record, the fields and values, and how sure it is. */
export const ChangeProposalSchema = z.object({
  record: z.object({ type: CrmObjectTypeSchema, id: z.string().min(1).max(64) }),
  changes: z.array(z.object({ field: FieldName, newValue: z.unknown() })).min(1),
  confidence: z.number().min(0).max(1),
});
export type ChangeProposal = z.infer<typeof ChangeProposalSchema>;

/** What a reviewer sees and may edit before a change set is written: the diff. */
export const CrmApprovalPayloadSchema = z.object({
  changeSetId: z.string().min(1),
  record: z.object({ type: CrmObjectTypeSchema, id: z.string().min(1) }),
  changes: z.array(z.object({ field: FieldName, oldValue: z.unknown(), newValue: z.unknown() })).min(1),
});
export type CrmApprovalPayload = z.infer<typeof CrmApprovalPayloadSchema>;

/** A CRM write's outcome in a run: the change set and where governance left it. */
export const CrmWriteResultSchema = z.object({
  changeSetId: z.string(),
  status: z.string(),
  record: z.object({ type: CrmObjectTypeSchema, id: z.string() }),
  changes: z.array(z.object({ field: z.string(), oldValue: z.unknown(), newValue: z.unknown() })),
  reasons: z.array(z.string()),
});
export type CrmWriteResult = z.infer<typeof CrmWriteResultSchema>;

/** What a crmRecord node adds to its input: each record's change set, in the order proposed. */
export const CrmWritesSchema = z.array(CrmWriteResultSchema);

/** The step effects the engine knows by name; src/main binds them to the change sets. */
export const CRM_EFFECTS = { propose: 'effect:crm.propose', apply: 'effect:crm.apply' } as const;
