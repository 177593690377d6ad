import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { createLogger } from '../../src/logging/index.js';
import { openStore } from '../../src/store/index.js';
import { FakeAnthropicServer } from '../fakes/fake-anthropic-server.js';
import { captureIo } from '../support/capture-io.js';
import { createTemporaryDatabase } from '../support/temporary-database.js';

const TOOL = 'submit_reply_classifier';
const KEY = 'sk-ant-test-key-0123456789';
let fake: FakeAnthropicServer;
let database: { url: string; drop: () => Promise<void> };
let folder: string;

beforeAll(async () => {
  fake = new FakeAnthropicServer({ apiKey: KEY });
  await fake.start();
  database = await createTemporaryDatabase('t_cli_model');
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-cli-model-'));
});
afterAll(async () => {
  await fake.close();
  await database.drop();
  await rm(folder, { recursive: true, force: true });
});

async function classify() {
  const io = captureIo();
  const logs = captureIo();
  const status = await runCli(['agent', 'run', 'reply-classifier', '--input', 'examples/replies/interested.json'], {
    io,
    env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url, DATABASE_URL: database.url, BATON_LOG_LEVEL: 'info' },
    logDestination: logs.stderr,
  });
  return { status, out: io.out(), err: io.err(), logs: logs.err() };
}

async function storedRun(runId: string) {
  const store = await openStore({ databaseUrl: database.url, dataDir: folder, logger: createLogger({ level: 'silent' }) });
  try {
    return await store.runs.getRun(runId);
  } finally {
    await store.close();
  }
}

describe('baton agent run with a real model (through the SDK, against the fake Messages API)', () => {
  it('records the model, tokens and cost of a good answer, and never says simulated', async () => {
    fake.script(TOOL, { reply: { category: 'positive', confidence: 0.91, reason: 'The reply says "Interested, let\'s talk" and proposes days.' } });
    const { status, out, logs } = await classify();
    expect(status).toBe(0);
    const printed = JSON.parse(out) as { runId: string; simulated: boolean; model: string; costUsd: number; usage: { inputTokens: number } };
    expect(printed).toMatchObject({ simulated: false, model: 'claude-haiku-5-5' });
    expect(printed).not.toHaveProperty('notice');
    expect(printed.usage.inputTokens).toBeGreaterThan(0);
    expect(printed.costUsd).toBeGreaterThan(0);
    const step = (await storedRun(printed.runId)).steps[0];
    expect(step).toMatchObject({ model: 'claude-haiku-5-5', simulated: false, confidence: 0.91 });
    expect(step?.costUsd).toBeCloseTo(printed.costUsd, 9);
    expect(logs).not.toContain(KEY);
    expect(logs).not.toContain('"simulated":true');
  });

  it('fails a run whose model answers invalidly twice with one clear error, recorded whole in the store', async () => {
    fake.script(TOOL, { reply: { category: 'maybe', confidence: 2, reason: 'x' } }, { reply: { category: 'positive', confidence: 1.5, reason: 'still wrong here' } });
    const { status, out, err } = await classify();
    expect(status).toBe(1);
    const printed = JSON.parse(out) as { runId: string; status: string; error: { code: string; message: string } };
    expect(printed.status).toBe('failed');
    expect(printed.error.code).toBe('model_output_invalid');
    expect(printed.error.message).toContain('confidence: Too big: expected number to be <=1');
    expect(err.trim().split('\n')).toHaveLength(1);

    const run = await storedRun(printed.runId);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ code: 'model_output_invalid' });
    expect(run.steps).toHaveLength(1);
    expect(run.steps[0]).toMatchObject({ status: 'failed', model: 'claude-haiku-5-5' });
    expect(run.steps[0]?.inputTokens).toBeGreaterThan(0);
    expect(run.events.map((event) => event.type)).toContain('step.failed');
  });
});
