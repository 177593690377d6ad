import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, layerOf, readSource, sourceFiles, violations } from './layering-rules.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDERS = ['src', 'agents', 'queues', 'crm', 'mcp', 'slack', 'web'];

describe('layering', () => {
  const files = sourceFiles(ROOT, FOLDERS);

  it('finds the source it is guarding', () => {
    expect(files).toContain('src/config.ts');
    expect(files).toContain('agents/reply-classifier/reply-classifier.ts');
  });

  it('holds every import to the arrows of STYLE.md', () => {
    expect(files.flatMap((file) => violations(file, readSource(ROOT, file)))).toEqual([]);
  });

  it('lets only src/config.ts read the environment', () => {
    const readers = files.filter((file) => file !== 'src/config.ts' && /process\.env\b/.test(readSource(ROOT, file)));
    expect(readers).toEqual([]);
  });

  it('catches the imports it forbids', () => {
    expect(violations('agents/x/x.ts', "import { createQueue } from '../../queues/q.js';")).toHaveLength(1);
    expect(violations('src/engine/e.ts', "import { app } from '../../slack/app.js';")).toHaveLength(1);
    expect(violations('src/engine/e.ts', "import { x } from '../../agents/x/x.js';")).toHaveLength(1);
    expect(violations('src/engine/e.ts', "import type { AnyAgent } from '../../agents/index.js';")).toEqual([]);
    expect(violations('mcp/tools.ts', "const slack = await import('../slack/app.js');")).toHaveLength(1);
    expect(violations('src/main/wire.ts', "import { app } from '../../slack/app.js';")).toEqual([]);
  });

  it('resolves imports to the layer they land in', () => {
    expect(layerOf('src/config.ts')).toBe('src');
    expect(layerOf('src/engine/runs.ts')).toBe('src/engine');
    expect(importsOf('src/cli/main.ts', "import { x } from '../main/create-baton.js';")).toEqual([
      { from: 'src/cli', to: 'src/main', typeOnly: false },
    ]);
  });
});
