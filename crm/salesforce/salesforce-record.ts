import { BatonError, toBatonError } from '../../src/errors/index.js';
import { RecordRefSchema, type CrmObjectType, type CrmRecord, type RecordRef } from '../adapter/index.js';

/** 15- or 18-character Ids; checking them keeps an Id from reaching into another REST path. */
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** A record reference fit to put in a REST path, or input_invalid naming what is wrong. */
export function parseRecordRef(value: RecordRef): RecordRef {
  const parsed = RecordRefSchema.safeParse(value);
  if (!parsed.success) throw toBatonError(parsed.error);
  if (!SALESFORCE_ID.test(parsed.data.id)) {
    throw new BatonError('input_invalid', `record.id: "${parsed.data.id}" is not a Salesforce Id (15 or 18 letters and digits).`, { details: { record: parsed.data } });
  }
  return parsed.data;
}

/** A record as the REST API sends it (`attributes` first), as Baton's CrmRecord. */
export function toCrmRecord(type: CrmObjectType, raw: unknown): CrmRecord {
  if (typeof raw !== 'object' || raw === null) throw new BatonError('internal', `Salesforce sent no ${type} record where one was expected.`);
  const { attributes: _attributes, ...fields } = raw as Record<string, unknown>;
  const id = fields['Id'];
  const lastModified = fields['LastModifiedDate'];
  if (typeof id !== 'string' || typeof lastModified !== 'string') {
    throw new BatonError('internal', `Salesforce sent a ${type} record without Id or LastModifiedDate.`, { details: { fields: Object.keys(fields) } });
  }
  return { type, id, fields, lastModified: toIsoDateTime(lastModified) };
}

/** Salesforce's `2026-05-01T10:00:00.000+0000` as ISO 8601 in UTC: `2026-05-01T10:00:00.000Z`. */
export function toIsoDateTime(value: string): string {
  const milliseconds = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(milliseconds)) throw new BatonError('internal', `Salesforce sent an unreadable dateTime: ${value}`);
  return new Date(milliseconds).toISOString();
}

/** The HTTP date `If-Unmodified-Since` needs, e.g. `Fri, 01 May 2026 10:00:00 GMT`. */
export function toHttpDate(isoDateTime: string): string {
  const milliseconds = Date.parse(isoDateTime);
  if (Number.isNaN(milliseconds)) {
    throw new BatonError('input_invalid', `expectedLastModified: "${isoDateTime}" is not an ISO 8601 date-time.`);
  }
  return new Date(milliseconds).toUTCString();
}
