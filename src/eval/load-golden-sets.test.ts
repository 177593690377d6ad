import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadGoldenSets } from './load-golden-sets.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-golden-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function writeCase(workflow: string, file: string, content: unknown): Promise<void> {
  await mkdir(path.join(folder, workflow), { recursive: true });
  await writeFile(path.join(folder, workflow, file), typeof content === 'string' ? content : JSON.stringify(content));
}

describe('loading golden sets', () => {
  it('reads each workflow folder with defaults filled in and a digest of its files', async () => {
    await writeCase('classify_reply', 'b.json', { id: 'b', input: { reply: { text: 'Stop emailing me.' } } });
    await writeCase('classify_reply', 'a.json', { id: 'a', input: { reply: { text: 'Interested.' } }, expect: { fields: [{ path: 'category', equals: 'positive' }] } });
    const [set, ...rest] = await loadGoldenSets({ folder, workflows: ['classify_reply', 'handle_reply'] });
    expect(rest).toEqual([]);
    expect(set?.cases.map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(set?.cases[1]).toMatchObject({ decisions: [], expect: { status: 'succeeded', required: [], fields: [], rulesPass: [] } });
    expect(set?.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a set\'s _world.json as its world, not as a case, and counts it in the digest', async () => {
    await writeCase('review_deals', 'a.json', { id: 'a', input: {} });
    const [plain] = await loadGoldenSets({ folder, workflows: ['review_deals'] });
    expect(plain?.world).toEqual({ records: [], sequential: false });
    await writeCase('review_deals', '_world.json', { today: '2026-11-22', sequential: true, records: [{ type: 'Lead', id: '00QBt0000000000101', fields: { LastName: 'Brooks' } }] });
    const [set] = await loadGoldenSets({ folder, workflows: ['review_deals'] });
    expect(set?.cases.map((entry) => entry.id)).toEqual(['a']);
    expect(set?.world).toMatchObject({ today: '2026-11-22', sequential: true, records: [{ type: 'Lead', id: '00QBt0000000000101' }] });
    expect(set?.digest).not.toBe(plain?.digest);
    await writeCase('review_deals', '_world.json', { today: '22/11/2026', records: [{ type: 'Invoice', id: 'x', fields: {} }] });
    await expect(loadGoldenSets({ folder, workflows: ['review_deals'] })).rejects.toThrow(/review_deals\/_world\.json: today: a date such as 2026-11-22; records\.0\.type: Invalid option/);
  });

  it('refuses the whole load, naming each bad file and field', async () => {
    await writeCase('classify_reply', 'a.json', { id: 'A case', input: {}, expect: { maxIterations: 9 } });
    await writeCase('classify_reply', 'b.json', '{ not json');
    await writeCase('classify_reply', 'c.json', { id: 'c', input: {}, decisions: [{ at: 'triage/review', decision: 'reject', reason: '' }] });
    await writeCase('no_such_workflow', 'd.json', { id: 'd', input: {} });
    const loading = loadGoldenSets({ folder, workflows: ['classify_reply'] });
    await expect(loading).rejects.toMatchObject({ code: 'input_invalid' });
    const message = await loading.catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    expect(message).toContain('no_such_workflow/: no workflow named "no_such_workflow"');
    expect(message).toContain('classify_reply/a.json: id: kebab-case, such as positive-next-week; expect.maxIterations: Too big');
    expect(message).toContain('classify_reply/b.json: not JSON');
    expect(message).toContain('classify_reply/c.json: decisions.0.reason: say why the item is rejected');
  });

  it('says which workflow has no golden set, and which name is no workflow', async () => {
    await writeCase('classify_reply', 'a.json', { id: 'a', input: {} });
    await expect(loadGoldenSets({ folder, workflows: ['classify_reply', 'handle_reply'], only: 'handle_reply' })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('Workflow handle_reply has no golden set') });
    await expect(loadGoldenSets({ folder, workflows: ['classify_reply'], only: 'nope' })).rejects.toMatchObject({ code: 'input_invalid', message: 'No workflow named "nope". Workflows: classify_reply.' });
  });
});
