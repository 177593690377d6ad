import { createHash, type Hash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BatonError, formatZodIssues } from '../errors/index.js';
import type { z } from 'zod';
import { GoldenCaseSchema, type GoldenCase, type GoldenSet } from './golden-case-schema.js';
import { GOLDEN_WORLD_FILE, GoldenWorldSchema, type GoldenWorld } from './golden-world-schema.js';

export interface LoadGoldenSetsOptions {
  /** The golden folder: one sub-folder per workflow, named for it, holding `<case>.json` files. */
  readonly folder: string;
  /** Workflows that exist; a folder naming another is refused. */
  readonly workflows: readonly string[];
  /** Only this workflow's set. */
  readonly only?: string;
}

/**
 * Reads every golden set, checking every file against the case format at once: one bad file
 * fails the load with every problem named by file and field, so an eval never runs half a set.
 */
export async function loadGoldenSets(options: LoadGoldenSetsOptions): Promise<GoldenSet[]> {
  const folders = await workflowFolders(options.folder);
  const problems: string[] = [];
  for (const name of folders) if (!options.workflows.includes(name)) problems.push(`${name}/: no workflow named "${name}" (workflows: ${options.workflows.join(', ')})`);
  if (options.only !== undefined && !folders.includes(options.only)) {
    const known = options.workflows.includes(options.only);
    throw new BatonError(known ? 'not_found' : 'input_invalid', known ? `Workflow ${options.only} has no golden set: add cases under ${path.join(options.folder, options.only)}/.` : `No workflow named "${options.only}". Workflows: ${options.workflows.join(', ')}.`, {
      details: { workflow: options.only },
    });
  }
  const sets: GoldenSet[] = [];
  for (const workflow of folders.filter((name) => options.only === undefined || name === options.only)) {
    const set = await loadSet(path.join(options.folder, workflow), workflow, problems);
    if (set !== undefined) sets.push(set);
  }
  if (problems.length > 0) {
    throw new BatonError('input_invalid', `Golden sets in ${options.folder} are invalid:\n  - ${problems.join('\n  - ')}`, { details: { problems } });
  }
  return sets;
}

async function workflowFolders(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch (error) {
    throw new BatonError('input_invalid', `Golden folder ${folder} cannot be read: ${(error as Error).message}. Pass --golden <folder>.`, { cause: error, details: { folder } });
  }
}

async function loadSet(folder: string, workflow: string, problems: string[]): Promise<GoldenSet | undefined> {
  const files = (await readdir(folder)).filter((file) => file.endsWith('.json') && !file.startsWith('_')).sort();
  if (files.length === 0) {
    problems.push(`${workflow}/: no case files (*.json)`);
    return undefined;
  }
  const cases: GoldenCase[] = [];
  const hash = createHash('sha256');
  const world = await loadWorld(folder, workflow, hash, problems);
  for (const file of files) {
    const where = `${workflow}/${file}`;
    const text = await readFile(path.join(folder, file), 'utf8');
    hash.update(`${file}\n${text}\n`);
    const parsed = parseCase(text, where, problems);
    if (parsed === undefined) continue;
    if (cases.some((existing) => existing.id === parsed.id)) problems.push(`${where}: id "${parsed.id}" is used by another case of ${workflow}`);
    cases.push(parsed);
  }
  return { workflow, folder, cases, world, digest: hash.digest('hex') };
}

/** The set's `_world.json`, part of the digest like a case: a changed world is a changed set. */
async function loadWorld(folder: string, workflow: string, hash: Hash, problems: string[]): Promise<GoldenWorld> {
  let text: string;
  try {
    text = await readFile(path.join(folder, GOLDEN_WORLD_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return GoldenWorldSchema.parse({});
    throw error;
  }
  hash.update(`${GOLDEN_WORLD_FILE}\n${text}\n`);
  const where = `${workflow}/${GOLDEN_WORLD_FILE}`;
  const parsed = parseJson(text, where, problems, GoldenWorldSchema, 'world');
  return parsed ?? GoldenWorldSchema.parse({});
}

function parseCase(text: string, where: string, problems: string[]): GoldenCase | undefined {
  return parseJson(text, where, problems, GoldenCaseSchema, 'case');
}

function parseJson<Schema extends z.ZodType>(text: string, where: string, problems: string[], schema: Schema, label: string): z.infer<Schema> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push(`${where}: not JSON (${(error as Error).message})`);
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    problems.push(`${where}: ${formatZodIssues(parsed.error.issues, label)}`);
    return undefined;
  }
  return parsed.data;
}
