import { z } from 'zod';
import { CrmObjectTypeSchema } from '../../src/contracts/crm-object-types.js';

// The object list lives in src/contracts so the settings file can be checked against it.
export { CRM_OBJECT_TYPES, CrmObjectTypeSchema, type CrmObjectType } from '../../src/contracts/crm-object-types.js';

export const RecordRefSchema = z.object({ type: CrmObjectTypeSchema, id: z.string().min(1).max(64) });
export type RecordRef = z.infer<typeof RecordRefSchema>;

/** A record as read: its fields by API name (Salesforce's, e.g. `NumberOfEmployees`), and when it last changed. */
export const CrmRecordSchema = z.object({
  type: CrmObjectTypeSchema,
  id: z.string().min(1),
  fields: z.record(z.string(), z.unknown()),
  /** ISO 8601; the optimistic-concurrency token a write must match. */
  lastModified: z.iso.datetime({ offset: true }),
});
export type CrmRecord = z.infer<typeof CrmRecordSchema>;

export const CrmQuerySchema = z.object({
  type: CrmObjectTypeSchema,
  /** Field equality filters, AND-ed. */
  where: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a field API name'), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  fields: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/)).optional(),
  limit: z.number().int().min(1).max(2_000).default(200),
});
export type CrmQuery = z.input<typeof CrmQuerySchema>;

export const FieldChangeSchema = z.object({
  field: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a field API name'),
  /** The value as read when the change was proposed: what a rollback restores. */
  oldValue: z.unknown(),
  newValue: z.unknown(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export interface ApplyChangesRequest {
  readonly record: RecordRef;
  readonly changes: readonly FieldChange[];
  /** The `lastModified` read with the old values; a record changed since is not written (a conflict). */
  readonly expectedLastModified: string;
  /** Unique per change-set application: a retried job presents the same key and writes nothing twice. */
  readonly idempotencyKey: string;
}

export interface ApplyChangesResult {
  readonly record: CrmRecord;
  /** False when the idempotency key had already been applied: nothing was written this time. */
  readonly written: boolean;
}

/**
 * One interface over every CRM. Reads are free; `applyChanges` is the only write, and only
 * governance (crm/governance) calls it, with an approved change set.
 *
 * Errors are BatonErrors: `not_found` for an unknown record, `conflict` with
 * `details.reason: 'record_changed'` when the record changed since it was read (Salesforce's 412),
 * `model_rate_limited`-style third-party codes for REQUEST_LIMIT_EXCEEDED, and `unauthorized`
 * for an expired session that could not be renewed.
 */
export interface CrmAdapter {
  readonly kind: 'embedded' | 'salesforce';
  getRecord(ref: RecordRef): Promise<CrmRecord>;
  query(query: CrmQuery): Promise<CrmRecord[]>;
  applyChanges(request: ApplyChangesRequest): Promise<ApplyChangesResult>;
  close(): Promise<void>;
}
