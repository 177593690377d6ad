import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInWorkflows, createAgentCatalog, loadBuiltInAgents } from '../../agents/index.js';
import { runCli } from '../../src/cli/run-cli.js';
import { loadConfig } from '../../src/config.js';
import { createWorkflowCatalog } from '../../src/engine/workflow/workflow-catalog.js';
import { createLogger } from '../../src/logging/index.js';
import { openStore } from '../../src/store/index.js';
import { captureIo } from '../support/capture-io.js';
import { createTemporaryDatabase } from '../support/temporary-database.js';

let folder: string;
let database: { url: string; drop: () => Promise<void> };
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-cli-'));
  database = await createTemporaryDatabase('t_cli');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await database.drop();
});

const BACKENDS = [
  { name: 'embedded PGlite', env: () => ({ BATON_DATA_DIR: path.join(folder, 'data') }) },
  { name: 'PostgreSQL server', env: () => ({ DATABASE_URL: database.url }) },
] as const;

async function cli(args: string[], env: Record<string, string>) {
  const io = captureIo();
  const status = await runCli(args, { io, env: { BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent', ...env } });
  return { status, out: io.out(), err: io.err() };
}

async function storedRuns(env: Record<string, string>) {
  const store = await openStore({ databaseUrl: env['DATABASE_URL'], dataDir: env['BATON_DATA_DIR'] ?? '', logger: createLogger({ level: 'silent' }) });
  try {
    const page = await store.runs.listRuns({ limit: 200 });
    return await Promise.all(page.runs.map((run) => store.runs.getRun(run.id)));
  } finally {
    await store.close();
  }
}

describe.each(BACKENDS)('baton agent run on $name', (backend) => {
  it('classifies the sample reply, prints the validated output as JSON and records the run', async () => {
    const { status, out } = await cli(['agent', 'run', 'reply-classifier', '--input', 'examples/replies/interested.json'], backend.env());
    expect(status).toBe(0);
    const printed = JSON.parse(out) as Record<string, unknown>;
    expect(printed).toMatchObject({ agent: 'reply-classifier', status: 'succeeded', simulated: true, model: 'offline-simulator' });
    expect(printed['output']).toMatchObject({ category: 'positive' });
    expect(printed['notice']).toMatch(/Simulated by offline mode/);
    expect(printed['traceId']).toBe(printed['runId']);

    const run = (await storedRuns(backend.env())).find((stored) => stored.id === printed['runId']);
    expect(run).toMatchObject({ status: 'succeeded', kind: 'agent', name: 'reply-classifier', simulated: true, traceId: printed['runId'] });
    expect(run?.steps).toHaveLength(1);
    expect(run?.steps[0]).toMatchObject({ status: 'succeeded', agent: 'reply-classifier', model: 'offline-simulator', attempt: 1, traceId: printed['runId'] });
    expect(run?.steps[0]?.output).toEqual(printed['output']);
  });

  it('refuses a bad input file with one error naming each field, and writes nothing', async () => {
    const before = (await storedRuns(backend.env())).length;
    const { status, out, err } = await cli(['agent', 'run', 'reply-classifier', '--input', 'examples/replies/invalid.json'], backend.env());
    expect(status).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('reply.text: the reply text is empty');
    expect(err).toContain('reply.from: Invalid email address');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(await storedRuns(backend.env())).toHaveLength(before);
  });
});

describe('baton agent run input errors', () => {
  const env = () => ({ BATON_DATA_DIR: path.join(folder, 'errors') });

  it('names a missing file', async () => {
    const { status, err } = await cli(['agent', 'run', 'reply-classifier', '--input', 'nope.json'], env());
    expect(status).toBe(2);
    expect(err).toContain('Input file nope.json does not exist.');
  });

  it('names a file that is not JSON', async () => {
    const file = path.join(folder, 'broken.json');
    await writeFile(file, '{"reply": ');
    const { status, err } = await cli(['agent', 'run', 'reply-classifier', '--input', file], env());
    expect(status).toBe(2);
    expect(err).toContain(`Input file ${file} is not valid JSON`);
  });

  it('lists the agents that exist when the name is wrong', async () => {
    const { status, err } = await cli(['agent', 'run', 'reply-classifer', '--input', 'examples/replies/interested.json'], env());
    expect(status).toBe(2);
    expect(err).toMatch(/No agent named "reply-classifer"\. Agents: reply-classifier, classification-judge, email-qa, .*opt-out-confirmer, .*deal-risk-summariser\./);
  });

  it('shows usage when --input is missing', async () => {
    const { status, err } = await cli(['agent', 'run', 'reply-classifier'], env());
    expect(status).toBe(2);
    expect(err).toContain('Usage: baton agent run <name> --input <file.json>');
  });

  it('reports bad configuration once, naming every variable', async () => {
    const { status, out, err } = await cli(['agents'], { BATON_MODEL_TIMEOUT_MS: 'soon', REDIS_URL: 'nope' });
    expect(status).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('BATON_MODEL_TIMEOUT_MS="soon"');
    expect(err).toContain('REDIS_URL="nope"');
  });
});

describe('baton help and agents', () => {
  it('prints the commands with --help, without loading configuration', async () => {
    const { status, out } = await cli(['--help'], { BATON_MODEL_TIMEOUT_MS: 'broken' });
    expect(status).toBe(0);
    expect(out).toContain('baton agent run <name> --input <file.json>');
    expect(out).toContain('baton agents [--json]');
  });

  it('refuses an unknown command', async () => {
    const { status, err } = await cli(['serve-me'], {});
    expect(status).toBe(2);
    expect(err).toContain('unknown command "serve-me"');
  });

  it('lists every agent with its tier, model, reads, checks and schemas', async () => {
    const { status, out } = await cli(['agents', '--json'], {});
    expect(status).toBe(0);
    const agents = JSON.parse(out) as { name: string; tier: string; model: string; reads: string[]; checks: unknown[]; inputSchema: { properties: object } }[];
    const byName = new Map(agents.map((agent) => [agent.name, agent]));
    expect(byName.size).toBe(agents.length);
    // Every agent the shipped workflows use, and each listed once.
    const used = new Set(createWorkflowCatalog(builtInWorkflows(createAgentCatalog(await loadBuiltInAgents(loadConfig({}).promptsDir)))).list().flatMap((workflow) => [...workflow.agents.keys()]));
    for (const name of used) expect(byName.has(name), name).toBe(true);
    expect(byName.get('reply-classifier')).toMatchObject({ tier: 'fast', model: 'claude-haiku-5-5', reads: ['reply'] });
    expect(byName.get('email-qa')).toMatchObject({ tier: 'balanced', model: 'claude-sonnet-5-5', reads: ['emails', 'signal'] });
    expect(byName.get('email-writer')).toMatchObject({ tier: 'deep', model: 'claude-opus-5-5' });
    expect(Object.keys(byName.get('reply-classifier')!.inputSchema.properties)).toEqual(['reply']);
  });

  it('prints a readable listing without --json', async () => {
    const { out } = await cli(['agents'], {});
    expect(out).toMatch(/^reply-classifier {2}\(fast tier: claude-haiku-5-5/m);
    expect(out).toContain('checks: one-judgement-per-email');
  });
});
