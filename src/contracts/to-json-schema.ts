import { z } from 'zod';

const cache = { input: new WeakMap<z.ZodType, Record<string, unknown>>(), output: new WeakMap<z.ZodType, Record<string, unknown>>() };

/**
 * JSON Schema for a zod schema, without the `$schema` dialect line that tool definitions and
 * listings do not want. `io: 'input'` describes what a caller may send (defaults optional).
 * Converted once per schema: agents call this on every model request.
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const known = cache[io].get(schema);
  if (known !== undefined) return known;
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  cache[io].set(schema, rest);
  return rest;
}
