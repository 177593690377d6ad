import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { loadConfig } from '../../src/config.js';
import { BatonError } from '../../src/errors/index.js';
import { loadSettings } from '../../src/settings/index.js';
import { createMcpHarness, type McpHarness } from '../mcp/mcp-harness.js';
import { captureIo } from '../support/capture-io.js';
import { fuzzRuns } from './fuzz-runs.js';
import { recordScenario } from './reliability-report.js';

/**
 * Bad input at each boundary a user or a program reaches: environment variables, the settings
 * file, CLI input files, workflow inputs and MCP tool arguments. Each gets a clear error (a
 * BatonError naming a field, exit status 2, an MCP error) and nothing is written.
 */
let harness: McpHarness;
let folder: string;
let cases = 0;

beforeAll(async () => {
  harness = await createMcpHarness('reliability-fuzz', { workers: false });
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-fuzz-'));
}, 60_000);
afterAll(async () => {
  await recordScenario({ scenario: 'fuzz-boundaries', scenariosRun: cases, faultsInjected: cases, runsCompleted: 0, sideEffectsDoubled: 0, approvalsLost: 0, crashes: 0 });
  await harness.close();
  await rm(folder, { recursive: true, force: true });
});

const runCount = async () => Number((await (await harness.baton.store()).sql.query<{ count: string }>('SELECT count(*) AS count FROM runs')).rows[0]?.count);
const VARIABLES = ['BATON_MODEL', 'BATON_MODEL_TIMEOUT_MS', 'BATON_MODEL_MAX_ATTEMPTS', 'BATON_MODEL_PRICES', 'BATON_HTTP_PORT', 'BATON_MCP_TOKEN', 'BATON_MCP_TOKENS', 'BATON_LOG_LEVEL', 'REDIS_URL', 'DATABASE_URL', 'SLACK_BOT_TOKEN', 'SALESFORCE_INSTANCE_URL', 'BATON_SHUTDOWN_DEADLINE_MS'];
const weird = fc.oneof(fc.string(), fc.json(), fc.constantFrom('', ' ', '-1', '0', '1e309', 'NaN', '{"a":', 'x'.repeat(10_000), 'null', '[]'));

describe('configuration', () => {
  it('is a frozen config or one config_invalid error naming variables, never anything else', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...VARIABLES), weird, { maxKeys: 5 }), (env) => {
        cases += 1;
        try {
          expect(Object.isFrozen(loadConfig(env))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(BatonError);
          expect((error as BatonError).code).toBe('config_invalid');
          expect((error as BatonError).message).toMatch(/[A-Z_]{4,}/);
        }
      }),
      { numRuns: fuzzRuns(200, 2_000) },
    );
  });

  it('reads a settings file as settings or one config_invalid error with JSON paths', async () => {
    const file = path.join(folder, 'settings.json');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string(), fc.record({ queues: fc.anything(), reviewPolicies: fc.anything(), governance: fc.anything(), triggers: fc.anything() }).map((value) => JSON.stringify(value))), async (text) => {
        cases += 1;
        await writeFile(file, text);
        const outcome = await loadSettings({ configFile: { path: file, explicit: true } }).then(() => undefined, (error: unknown) => error);
        if (outcome !== undefined) expect([outcome instanceof BatonError, (outcome as BatonError).code]).toEqual([true, 'config_invalid']);
      }),
      { numRuns: fuzzRuns(100, 1_000) },
    );
  });
});

describe('CLI input files', () => {
  it('refuse bad files with exit status 2 and one line, and write no run', { timeout: 120_000 }, async () => {
    const file = path.join(folder, 'input.json');
    const before = await runCount();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.record({ reply: fc.record({ text: fc.oneof(fc.string({ maxLength: 0 }), fc.integer(), fc.constant(null)), from: fc.string() }, { requiredKeys: [] }) }).map((value) => JSON.stringify(value))), fc.constantFrom('reply-classifier', 'email-qa', 'lead-scorer'), async (text, agent) => {
        cases += 1;
        await writeFile(file, text);
        const io = captureIo();
        const status = await runCli(['agent', 'run', agent, '--input', file], { io, env: harness.env, queuePrefix: harness.prefix });
        if (status !== 0) {
          expect(status).toBe(2);
          expect(io.err()).toMatch(/^baton: (input_invalid|not_found): /);
        }
      }),
      { numRuns: fuzzRuns(15, 150) },
    );
    expect(await runCount()).toBe(before);
  });
});

describe('workflow inputs and MCP tool arguments', () => {
  it('refuse what the schema refuses before anything is written, and the server keeps serving', { timeout: 120_000 }, async () => {
    const client = await harness.connect();
    const tools = (await client.listTools()).tools.map((tool) => tool.name);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...tools), fc.dictionary(fc.string({ maxLength: 12 }), fc.anything(), { maxKeys: 4 }), async (tool, args) => {
        cases += 1;
        const outcome = await client.callTool({ name: tool, arguments: args }, undefined, { timeout: 5_000 }).then((result) => ({ result }), (error: unknown) => ({ error }));
        if ('error' in outcome) expect(String(outcome.error)).toMatch(/MCP error -?\d+/);
        else if (outcome.result.isError !== true) expect(outcome.result).toHaveProperty('content');
      }),
      { numRuns: fuzzRuns(60, 600) },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...harness.baton.workflows.list().map((workflow) => workflow.name)), fc.anything(), async (workflow, input) => {
        cases += 1;
        const before = await runCount();
        const error = await harness.opened.engine.start(workflow, input).then(() => undefined, (thrown: unknown) => thrown);
        // Some inputs are valid (review_deals defaults every field): those start a run; the rest write nothing.
        if (error === undefined) return;
        expect([error instanceof BatonError, (error as BatonError).code]).toEqual([true, 'input_invalid']);
        expect(await runCount()).toBe(before);
      }),
      { numRuns: fuzzRuns(60, 600) },
    );
    expect((await client.listTools()).tools.length).toBe(tools.length);
  });
});
