import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BatonError, formatZodIssues } from '../../src/errors/index.js';

export const EmailLimitsSchema = z.object({
  maxBodyWords: z.number().int().positive(),
  subject: z.object({
    maxWords: z.number().int().positive(),
    maxCharacters: z.number().int().positive(),
    forbiddenPrefixes: z.array(z.string()),
    forbidExclamation: z.boolean(),
    forbidAllCaps: z.boolean(),
  }),
  forbidEmDash: z.boolean(),
  /** Which email (1-based) must name the account signal. */
  signalRequiredInEmail: z.number().int().min(1).max(3),
});
export type EmailLimits = z.infer<typeof EmailLimitsSchema>;

export interface EmailRules {
  readonly limits: EmailLimits;
  readonly bannedPhrases: readonly string[];
}

export const EMAIL_LIMITS_FILE = 'rules/email-limits.json';
export const BANNED_PHRASES_FILE = 'rules/banned-phrases.txt';

/** Reads the shared rule lists from the prompts folder, where RevOps edits them under version control. */
export async function loadEmailRules(promptsFolder: string): Promise<EmailRules> {
  const limitsPath = path.join(promptsFolder, EMAIL_LIMITS_FILE);
  const phrasesPath = path.join(promptsFolder, BANNED_PHRASES_FILE);
  const [limitsText, phrasesText] = await Promise.all([readRuleFile(limitsPath), readRuleFile(phrasesPath)]);
  let limitsJson: unknown;
  try {
    limitsJson = JSON.parse(limitsText);
  } catch (error) {
    throw new BatonError('config_invalid', `${limitsPath} is not valid JSON.`, { cause: error });
  }
  const limits = EmailLimitsSchema.safeParse(limitsJson);
  if (!limits.success) throw new BatonError('config_invalid', `${limitsPath}: ${formatZodIssues(limits.error.issues, 'file')}`);
  return { limits: limits.data, bannedPhrases: parseBannedPhrases(phrasesText) };
}

export function parseBannedPhrases(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

function readRuleFile(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: unknown) => {
    throw new BatonError('config_invalid', `Rule file ${file} could not be read; check BATON_PROMPTS_DIR.`, { cause: error });
  });
}
