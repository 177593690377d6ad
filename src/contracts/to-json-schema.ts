import { z } from 'zod';

/**
 * JSON Schema for a zod schema, without the `$schema` dialect line that tool definitions and
 * listings do not want. `io: 'input'` describes what a caller may send (defaults optional).
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
