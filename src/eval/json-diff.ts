import { jsonEqual } from './json-equal.js';

export interface FieldChange {
  /** Dotted path of the changed field (`emails.0.subject`); empty for the whole value. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * The fields an edit changed, as deep as both sides are objects or equal-length lists; a list
 * that grew or shrank is one change, so the diff reads as what the reviewer did.
 */
export function diffJson(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (jsonEqual(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, index) => diffJson(item, after[index], join(path, String(index))));
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffJson(before[key], after[key], join(path, key)));
  }
  return [{ path, before: before ?? null, after: after ?? null }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
