import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { BatonError } from '../errors/index.js';
import { formatSettingsIssues } from './format-settings-issues.js';
import { DEFAULT_SETTINGS, deepFreeze, SettingsSchema, type Settings } from './settings-schema.js';

/**
 * Reads the settings file named by `config.configFile`. No file at the default path means the
 * defaults; no file where BATON_CONFIG points is an error, since the user asked for that file.
 */
export async function loadSettings(config: Pick<Config, 'configFile'>): Promise<Settings> {
  const { path: file, explicit } = config.configFile;
  const text = await readSettingsFile(file, explicit);
  return text === undefined ? DEFAULT_SETTINGS : parseSettingsText(text, displayName(file));
}

/** Parses settings JSON, reporting every problem at once with its JSON path and `fileName`. */
export function parseSettingsText(text: string, fileName: string): Settings {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BatonError('config_invalid', `${fileName}: is not valid JSON: ${reason}`, { details: { file: fileName } });
  }
  return parseSettings(value, fileName);
}

export function parseSettings(value: unknown, fileName: string): Settings {
  const result = SettingsSchema.safeParse(value);
  if (result.success) return deepFreeze(result.data);
  const problems = formatSettingsIssues(result.error.issues, fileName);
  throw new BatonError('config_invalid', `Invalid settings in ${fileName}:\n  - ${problems.join('\n  - ')}`, {
    cause: result.error,
    details: { file: fileName, problems },
  });
}

async function readSettingsFile(file: string, explicit: boolean): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return undefined;
    const reason =
      code === 'ENOENT'
        ? 'the file does not exist. Create it (examples/baton.config.json shows every section) or unset BATON_CONFIG to run with the defaults'
        : `the file cannot be read (${code ?? String(error)})`;
    const source = explicit ? `BATON_CONFIG=${file}` : file;
    throw new BatonError('config_invalid', `${source}: ${reason}.`, { cause: error, details: { file } });
  }
}

/** Relative to the working folder when inside it, as users wrote it; absolute otherwise. */
function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
