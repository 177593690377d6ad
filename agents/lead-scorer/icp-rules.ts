import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BatonError, formatZodIssues } from '../../src/errors/index.js';
import { SALES_REGIONS } from '../lead-enricher/geography.js';

const Points = z.number().int().min(0).max(25);
const BandsSchema = z
  .array(z.object({ min: z.number().min(0), points: Points }))
  .min(1)
  .refine((bands) => bands.every((band, index) => index === 0 || band.min < (bands[index - 1]?.min ?? Infinity)), 'list bands from the highest min to the lowest');

export const IcpRulesSchema = z.object({
  industry: z.object({ points: z.record(z.string(), Points), otherwise: Points, unknown: Points }),
  companySize: z.object({ bands: BandsSchema, unknown: Points }),
  annualRevenue: z.object({ bands: BandsSchema, unknown: Points }),
  geography: z.object({ points: z.object(Object.fromEntries(SALES_REGIONS.map((region) => [region, Points])) as Record<(typeof SALES_REGIONS)[number], typeof Points>), unknown: Points }),
  /** The lowest fit score of each grade; below C is D. */
  grades: z.object({ A: z.number().int().min(0).max(100), B: z.number().int().min(0).max(100), C: z.number().int().min(0).max(100) }),
  /** The lowest intent score that is high, and medium; below is low. */
  intent: z.object({ high: z.number().int().min(0).max(100), medium: z.number().int().min(0).max(100) }),
});
export type IcpRules = z.infer<typeof IcpRulesSchema>;

export const ICP_RULES_FILE = 'rules/icp.json';

/** Reads the ideal customer profile from the prompts folder, where RevOps edits it under version control. */
export async function loadIcpRules(promptsFolder: string): Promise<IcpRules> {
  const file = path.join(promptsFolder, ICP_RULES_FILE);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new BatonError('config_invalid', `Rule file ${file} could not be read; check BATON_PROMPTS_DIR.`, { cause: error });
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BatonError('config_invalid', `${file} is not valid JSON.`, { cause: error });
  }
  const rules = IcpRulesSchema.safeParse(json);
  if (!rules.success) throw new BatonError('config_invalid', `${file}: ${formatZodIssues(rules.error.issues, 'file')}`);
  return rules.data;
}
