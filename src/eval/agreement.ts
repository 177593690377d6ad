import type { KnownOutput, Measure } from './golden-case-schema.js';
import { readPath } from './field-path.js';
import { jsonEqual } from './json-equal.js';

export interface FieldAgreement {
  readonly path: string;
  readonly measure: Measure;
  /** 0 (nothing in common) to 1 (the same). */
  readonly score: number;
}

export interface Agreement {
  /** The mean of the fields' scores. */
  readonly score: number;
  readonly fields: readonly FieldAgreement[];
}

/** Numbers this close count as equal: confidences of 0.93 and 0.95 agree. */
const NUMBER_TOLERANCE = 0.05;

/**
 * How far an output agrees with a known one, field by field: categories and flags must match
 * exactly, texts are compared by the words they share (so a reworded sentence scores between 0
 * and 1, not 0), lists as sets, numbers within a tolerance.
 */
export function measureAgreement(actual: unknown, known: KnownOutput): Agreement {
  const entries = Object.entries(known.fields);
  const fields: [string, Measure][] = entries.length > 0 ? entries : defaultFields(known.output);
  const scored = fields.map(([path, measure]) => ({ path, measure, score: round(score(measure, readPath(actual, path), readPath(known.output, path))) }));
  const total = scored.reduce((sum, field) => sum + field.score, 0);
  return { score: scored.length === 0 ? 1 : round(total / scored.length), fields: scored };
}

function defaultFields(output: unknown): [string, Measure][] {
  if (output === null || typeof output !== 'object' || Array.isArray(output)) return [['', 'auto']];
  return Object.keys(output).map((key) => [key, 'auto']);
}

export function score(measure: Measure, actual: unknown, expected: unknown): number {
  switch (measure) {
    case 'exact':
      return jsonEqual(actual, expected) ? 1 : 0;
    case 'tokens':
      return tokenOverlap(actual, expected);
    case 'set':
      return setOverlap(actual, expected);
    case 'number':
      return numberCloseness(actual, expected);
    case 'auto':
      return autoScore(actual, expected);
  }
}

function autoScore(actual: unknown, expected: unknown): number {
  if (typeof expected === 'string') return tokenOverlap(actual, expected);
  if (typeof expected === 'number') return numberCloseness(actual, expected);
  if (Array.isArray(expected)) return expected.some((item) => item !== null && typeof item === 'object') ? tokenOverlap(actual, expected) : setOverlap(actual, expected);
  if (expected !== null && typeof expected === 'object') {
    const keys = Object.keys(expected);
    if (keys.length === 0) return jsonEqual(actual, expected) ? 1 : 0;
    const scores = keys.map((key) => autoScore(readPath(actual, key), (expected as Record<string, unknown>)[key]));
    return scores.reduce((sum, value) => sum + value, 0) / scores.length;
  }
  return jsonEqual(actual, expected) ? 1 : 0;
}

/** Dice coefficient of the distinct words in every text (and number) under each value. */
function tokenOverlap(actual: unknown, expected: unknown): number {
  const left = new Set(words(actual));
  const right = new Set(words(expected));
  if (left.size === 0 && right.size === 0) return 1;
  const shared = [...left].filter((word) => right.has(word)).length;
  return (2 * shared) / (left.size + right.size);
}

function words(value: unknown): string[] {
  if (typeof value === 'string') return value.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(words);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(words);
  return [];
}

/** Jaccard similarity of two lists taken as sets of JSON values. */
function setOverlap(actual: unknown, expected: unknown): number {
  const left = new Set((Array.isArray(actual) ? actual : actual === undefined ? [] : [actual]).map((item) => JSON.stringify(item)));
  const right = new Set((Array.isArray(expected) ? expected : expected === undefined ? [] : [expected]).map((item) => JSON.stringify(item)));
  if (left.size === 0 && right.size === 0) return 1;
  const shared = [...left].filter((item) => right.has(item)).length;
  return shared / (left.size + right.size - shared);
}

function numberCloseness(actual: unknown, expected: unknown): number {
  if (typeof actual !== 'number' || typeof expected !== 'number') return jsonEqual(actual, expected) ? 1 : 0;
  const difference = Math.abs(actual - expected);
  if (difference <= NUMBER_TOLERANCE) return 1;
  return Math.max(0, 1 - difference / Math.max(Math.abs(actual), Math.abs(expected)));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
