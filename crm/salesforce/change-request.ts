import { isDeepStrictEqual } from 'node:util';
import { BatonError, toBatonError } from '../../src/errors/index.js';
import { FieldChangeSchema, type ApplyChangesRequest, type CrmRecord, type RecordRef } from '../adapter/index.js';
import { parseRecordRef, toHttpDate } from './salesforce-record.js';

export type FieldValue = string | number | boolean | null;

/** An ApplyChangesRequest checked and shaped for the REST API. */
export interface ChangeRequest {
  readonly record: RecordRef;
  /** The PATCH body: field API name → new value. */
  readonly values: Readonly<Record<string, FieldValue>>;
  readonly expectedLastModified: string;
  /** `expectedLastModified` as the HTTP date `If-Unmodified-Since` carries. */
  readonly ifUnmodifiedSince: string;
  readonly idempotencyKey: string;
}

export function parseChangeRequest(request: ApplyChangesRequest): ChangeRequest {
  const record = parseRecordRef(request.record);
  if (request.changes.length === 0) throw new BatonError('input_invalid', 'changes: a change set needs at least one field change.', { details: { record } });
  if (request.idempotencyKey.trim() === '') throw new BatonError('input_invalid', 'idempotencyKey: must not be empty.', { details: { record } });
  const values: Record<string, FieldValue> = {};
  for (const change of request.changes) {
    const parsed = FieldChangeSchema.safeParse(change);
    if (!parsed.success) throw toBatonError(parsed.error);
    const { field, newValue } = parsed.data;
    if (['id', 'attributes'].includes(field.toLowerCase())) throw new BatonError('input_invalid', `changes: ${field} cannot be changed.`, { details: { record, field } });
    if (Object.hasOwn(values, field)) throw new BatonError('input_invalid', `changes: ${field} is changed twice in one change set.`, { details: { record, field } });
    if (!isFieldValue(newValue)) {
      throw new BatonError('input_invalid', `changes: ${field} needs a string, finite number, boolean or null (null clears it), not ${describe(newValue)}.`, { details: { record, field } });
    }
    values[field] = newValue;
  }
  const ifUnmodifiedSince = toHttpDate(request.expectedLastModified);
  return { record, values, expectedLastModified: request.expectedLastModified, ifUnmodifiedSince, idempotencyKey: request.idempotencyKey };
}

/**
 * Salesforce has no idempotency keys on PATCH, so a retried write is recognised by its effect:
 * the record already holds every new value AND changed after the read the change set was based on.
 *
 * Sound for a retried job: governance retries the same change set (same idempotency key, same
 * values, same expectedLastModified). If the first attempt's PATCH landed and its answer was lost,
 * the record now shows exactly those values and a newer LastModifiedDate, and writing again would
 * only get a 412; reporting `written: false` is the truth about this attempt.
 *
 * Not sound when someone else set the same values after the read: Baton then reports the change
 * as applied though another hand wrote it. The record's state is what the change set wanted, so
 * nothing is lost, but the audit trail credits the change set. Governance also keys change sets by
 * idempotency key in the store, so a completed application is normally caught there first; this
 * check covers the crash between the Salesforce write and that store update.
 */
export function alreadyApplied(current: CrmRecord, request: ChangeRequest): boolean {
  const changedSinceRead = Date.parse(current.lastModified) > Date.parse(request.expectedLastModified);
  return changedSinceRead && valuesMatch(current, request);
}

export function valuesMatch(current: CrmRecord, request: ChangeRequest): boolean {
  return Object.entries(request.values).every(([field, value]) => isDeepStrictEqual(current.fields[field], value));
}

function isFieldValue(value: unknown): value is FieldValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
