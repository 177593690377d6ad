import { z } from 'zod';
import { CrmObjectTypeSchema } from '../contracts/crm-object-types.js';

/** The name of a golden set's own settings file; files starting with `_` are never cases. */
export const GOLDEN_WORLD_FILE = '_world.json';

const CrmRecordToAddSchema = z
  .object({
    type: CrmObjectTypeSchema,
    id: z.string().min(1),
    fields: z.record(z.string(), z.unknown()),
  })
  .strict();

/**
 * What the scratch world a set runs in holds besides the sample book: the day the book is
 * seeded for (its close and activity dates count from it, so a set recorded on one day gives the
 * same answers on any other) and records the set's cases need that the book lacks.
 */
export const GoldenWorldSchema = z
  .object({
    description: z.string().min(1).optional(),
    /** The sample book's "today", as YYYY-MM-DD (midday UTC); unset, the day the eval runs. */
    today: z.iso.date('a date such as 2026-11-22').optional(),
    records: z.array(CrmRecordToAddSchema).default([]),
    /**
     * Cases run one at a time in file order. For sets whose runs write what the next case reads
     * (a new owner changes every rep's load): run side by side, the answers would depend on timing.
     */
    sequential: z.boolean().default(false),
  })
  .strict();
export type GoldenWorld = z.infer<typeof GoldenWorldSchema>;

/** The sample book's day for a world: midday UTC, so every time zone agrees on the date. */
export function worldToday(world: GoldenWorld): Date | undefined {
  return world.today === undefined ? undefined : new Date(`${world.today}T12:00:00.000Z`);
}
