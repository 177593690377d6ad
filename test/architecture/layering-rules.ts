import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A source file's place in the layout: its top-level folder, or `src/<concern>` inside src/. */
export function layerOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'src') return parts.length > 2 ? `src/${parts[1] ?? ''}` : 'src';
  return parts[0] ?? '';
}

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

export interface Rule {
  readonly description: string;
  readonly applies: (fromLayer: string) => boolean;
  readonly forbids: (toLayer: string, edge: ImportEdge) => boolean;
}

const INTERFACES = ['mcp', 'slack', 'web', 'src/cli'];
const isCore = (layer: string) => layer === 'src' || (layer.startsWith('src/') && layer !== 'src/main' && layer !== 'src/cli');

/** The arrows of STYLE.md: dependencies point inward, and only src/main knows everything. */
export const RULES: readonly Rule[] = [
  {
    description: 'agents/ never imports queues/, mcp/, slack/, crm/ or an interface',
    applies: (from) => from === 'agents',
    forbids: (to) => ['queues', 'mcp', 'slack', 'crm', 'src/cli', 'src/main'].includes(to),
  },
  {
    description: 'the core (src/ outside main and cli) never imports an interface, and only types from agents/, queues/ and crm/',
    applies: isCore,
    forbids: (to, edge) => [...INTERFACES, 'src/main'].includes(to) || (['agents', 'queues', 'crm'].includes(to) && !edge.typeOnly),
  },
  {
    description: 'interfaces (mcp/, slack/, web/, the CLI) never import each other, queues/ or crm/ implementations',
    applies: (from) => INTERFACES.includes(from),
    forbids: (to, edge) => (INTERFACES.includes(to) && to !== edge.from) || (['queues', 'crm'].includes(to) && !edge.typeOnly),
  },
  {
    description: 'queues/ and crm/ never import an interface',
    applies: (from) => from === 'queues' || from === 'crm',
    forbids: (to) => [...INTERFACES, 'src/main'].includes(to),
  },
];

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Every relative import in `source`, resolved against `file` (both relative to the project root). */
export function importsOf(file: string, source: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[3] ?? match[4];
    if (specifier === undefined || !specifier.startsWith('.')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    edges.push({ from: layerOf(file), to: layerOf(target), typeOnly: match[2] !== undefined });
  }
  return edges;
}

export function violations(file: string, source: string): string[] {
  return importsOf(file, source).flatMap((edge) =>
    RULES.filter((rule) => rule.applies(edge.from) && rule.forbids(edge.to, edge)).map(
      (rule) => `${file} imports ${edge.to}${edge.typeOnly ? ' (type)' : ''}: ${rule.description}`,
    ),
  );
}

export function sourceFiles(root: string, folders: readonly string[]): string[] {
  return folders.flatMap((folder) => walk(root, folder)).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
}

function walk(root: string, folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, folder), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    return entry.isDirectory() ? walk(root, relative) : [relative];
  });
}

export function readSource(root: string, file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}
