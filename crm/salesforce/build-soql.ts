import { BatonError } from '../../src/errors/index.js';
import type { CrmObjectType } from '../adapter/index.js';

export type SoqlValue = string | number | boolean | null;

export interface SoqlSelect {
  readonly type: CrmObjectType;
  /** Field API names, already checked against `^[A-Za-z][A-Za-z0-9_]*$` by CrmQuerySchema. */
  readonly fields: readonly string[];
  readonly where: Readonly<Record<string, SoqlValue>>;
  readonly limit: number;
}

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Fields a query reads when it names none: enough to recognise the record. */
export const DEFAULT_QUERY_FIELDS: Readonly<Record<CrmObjectType, readonly string[]>> = {
  Account: ['Name'],
  Contact: ['Name', 'Email', 'AccountId'],
  Lead: ['Name', 'Email', 'Company'],
  Opportunity: ['Name', 'StageName', 'AccountId'],
  Task: ['Subject', 'Status'],
  User: ['Name', 'Email'],
};

/**
 * `SELECT Id, LastModifiedDate, … FROM Type WHERE A = 'x' AND B = 1 LIMIT n`. Values are literals,
 * never spliced text: strings are escaped, numbers must be finite, and names are checked again
 * here because a name is the one part of SOQL that cannot be quoted.
 */
export function buildSoql(select: SoqlSelect): string {
  const fields = [...new Set(['Id', 'LastModifiedDate', ...select.fields])];
  const conditions = Object.entries(select.where).map(([field, value]) => `${fieldName(field)} = ${soqlLiteral(value)}`);
  const where = conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
  return `SELECT ${fields.map(fieldName).join(', ')} FROM ${select.type}${where} LIMIT ${String(select.limit)}`;
}

export function soqlLiteral(value: SoqlValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new BatonError('input_invalid', `where: ${String(value)} is not a number SOQL can compare.`);
    const text = String(value);
    if (!text.includes('e')) return text;
    // SOQL has no exponent notation: 1e21 and 1e-7 are written out.
    return Math.abs(value) >= 1 ? BigInt(value).toString() : value.toFixed(20).replace(/0+$/, '');
  }
  return `'${escapeSoqlString(value)}'`;
}

/** Backslash-escapes what would end or bend a SOQL string literal: `O'Brien` → `O\'Brien`. */
export function escapeSoqlString(value: string): string {
  return value.replace(/[\\'"\n\r\t\b\f]/g, (character) => ESCAPES[character] ?? character);
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function fieldName(name: string): string {
  if (!FIELD_NAME.test(name)) throw new BatonError('input_invalid', `"${name}" is not a field API name.`);
  return name;
}
