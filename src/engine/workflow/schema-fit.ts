import type { z } from 'zod';
import { toJsonSchema } from '../../contracts/to-json-schema.js';

type JsonSchema = Record<string, unknown>;

/**
 * Whether every value `produced` can yield is acceptable to `consumed`, compared on their JSON
 * Schemas. Returns one message per field that does not fit, e.g.
 * `reply.text: required by the consumer but missing from the producer`. Conservative where
 * JSON Schema is too rich to compare (patterns, formats): those are left to run-time validation.
 */
export function schemaFitProblems(produced: z.ZodType, consumed: z.ZodType): string[] {
  return compare(toJsonSchema(produced, 'output'), toJsonSchema(consumed, 'input'), '');
}

function compare(produced: JsonSchema, consumed: JsonSchema, path: string): string[] {
  const alternatives = asArray(produced['anyOf'] ?? produced['oneOf']);
  if (alternatives.length > 0) return alternatives.flatMap((alternative) => compare(alternative, consumed, path));
  const options = asArray(consumed['anyOf'] ?? consumed['oneOf']);
  if (options.length > 0) {
    return options.some((option) => compare(produced, option, path).length === 0) ? [] : [`${label(path)}: fits none of the accepted shapes`];
  }
  const typeProblem = compareTypes(produced, consumed, path);
  if (typeProblem !== undefined) return [typeProblem];
  const enumProblem = compareEnums(produced, consumed, path);
  if (enumProblem !== undefined) return [enumProblem];
  if (consumed['type'] === 'object') return compareObjects(produced, consumed, path);
  if (consumed['type'] === 'array' && isSchema(consumed['items']) && isSchema(produced['items'])) {
    return compare(produced['items'], consumed['items'], `${path}[]`);
  }
  return [];
}

function compareObjects(produced: JsonSchema, consumed: JsonSchema, path: string): string[] {
  const wanted = asRecord(consumed['properties']);
  const offered = asRecord(produced['properties']);
  const required = new Set(asStrings(consumed['required']));
  const guaranteed = new Set(asStrings(produced['required']));
  return Object.entries(wanted).flatMap(([field, schema]) => {
    const fieldPath = path === '' ? field : `${path}.${field}`;
    const source = offered[field];
    if (source === undefined) return required.has(field) ? [`${fieldPath}: required by the consumer but missing from the producer`] : [];
    if (required.has(field) && !guaranteed.has(field)) return [`${fieldPath}: required by the consumer but optional in the producer`];
    return compare(source, schema, fieldPath);
  });
}

function compareTypes(produced: JsonSchema, consumed: JsonSchema, path: string): string | undefined {
  const wanted = typesOf(consumed);
  const offered = typesOf(produced);
  if (wanted.length === 0 || offered.length === 0) return undefined;
  const accepted = (type: string) => wanted.includes(type) || (type === 'integer' && wanted.includes('number'));
  const stray = offered.filter((type) => !accepted(type));
  return stray.length === 0 ? undefined : `${label(path)}: the producer gives ${stray.join(' or ')}, the consumer accepts ${wanted.join(' or ')}`;
}

function compareEnums(produced: JsonSchema, consumed: JsonSchema, path: string): string | undefined {
  const wanted = consumed['enum'] ?? (consumed['const'] === undefined ? undefined : [consumed['const']]);
  if (!Array.isArray(wanted)) return undefined;
  const offered = produced['enum'] ?? (produced['const'] === undefined ? undefined : [produced['const']]);
  if (!Array.isArray(offered)) return `${label(path)}: the consumer accepts only ${JSON.stringify(wanted)}, the producer is not limited to them`;
  const stray = offered.filter((value) => !wanted.includes(value));
  return stray.length === 0 ? undefined : `${label(path)}: the producer may give ${JSON.stringify(stray)}, which the consumer does not accept`;
}

function typesOf(schema: JsonSchema): string[] {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((entry): entry is string => typeof entry === 'string') : [];
}

function label(path: string): string {
  return path === '' ? '(the whole value)' : path;
}

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asArray(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? value.filter(isSchema) : [];
}

function asRecord(value: unknown): Record<string, JsonSchema> {
  return isSchema(value) ? (Object.fromEntries(Object.entries(value).filter(([, schema]) => isSchema(schema))) as Record<string, JsonSchema>) : {};
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}
