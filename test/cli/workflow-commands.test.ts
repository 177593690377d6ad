import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliHarness, parseJson, type CliHarness } from './cli-harness.js';

interface PrintedRun {
  runId: string;
  traceId: string;
  workflow: string;
  status: string;
  simulated: boolean;
  output?: Record<string, unknown>;
  error?: { code: string; message: string };
  steps: { key: string; agent: string; attempt: number; status: string; latencyMs: number | null; tokens: { input: number; output: number }; costUsd: number }[];
  approvals: { id: string; key: string; fingerprint: string; payload: unknown }[];
  notice?: string;
}

let harness: CliHarness;
beforeAll(async () => {
  harness = await createCliHarness('workflows');
});
afterAll(async () => {
  await harness.close();
});

describe('baton workflows', () => {
  it('lists every shipped workflow with its version, description, input schema and node keys', async () => {
    const result = await harness.cli(['workflows', '--json']);
    expect(result.status).toBe(0);
    const workflows = parseJson<{ name: string; version: string; description: string; inputSchema: { properties: Record<string, unknown> }; nodes: string[] }[]>(result);
    expect(workflows.map((workflow) => workflow.name)).toEqual(expect.arrayContaining(['research_account', 'write_cold_sequence', 'handle_reply', 'classify_reply', 'classify_reply_by_vote']));
    const byName = new Map(workflows.map((workflow) => [workflow.name, workflow]));
    expect(byName.get('classify_reply')).toMatchObject({ version: '1', nodes: ['classify'] });
    expect(Object.keys(byName.get('handle_reply')!.inputSchema.properties)).toEqual(['reply', 'receivedAt', 'booking', 'knowledge', 'contact', 'brief']);
    expect(byName.get('write_cold_sequence')!.nodes).toContain('sequence/approve');
    expect(byName.get('write_cold_sequence')!.description).toMatch(/always needs approval/);
  });

  it('prints a readable listing without --json', async () => {
    const { status, out } = await harness.cli(['workflows']);
    expect(status).toBe(0);
    expect(out).toMatch(/^classify_reply@1$/m);
    expect(out).toContain('input:  reply, receivedAt, booking, knowledge, contact?, brief?');
  });
});

describe('baton run', () => {
  it('runs classify_reply end to end with an in-process worker and prints the succeeded run', async () => {
    const result = await harness.cli(['run', 'classify_reply', '--input', 'examples/workflows/classify-reply.json']);
    expect(result.status).toBe(0);
    const run = parseJson<PrintedRun>(result);
    expect(run).toMatchObject({ workflow: 'classify_reply', status: 'succeeded', simulated: true, output: { category: 'positive' }, approvals: [] });
    expect(run.traceId).toBe(run.runId);
    expect(run.notice).toMatch(/Simulated by offline mode/);
    expect(run.steps).toEqual([{ key: 'classify', agent: 'reply-classifier', attempt: 1, status: 'succeeded', latencyMs: expect.any(Number), tokens: { input: 0, output: 0 }, costUsd: 0 }]);
    expect(result.err).toMatch(/step\.queued +classify \(reply-classifier, attempt 1\)/);
    expect(result.err).toMatch(/step\.completed +classify/);
    expect(result.err).toMatch(/run\.succeeded/);
  });

  it.each([
    ['research_account', 'research-account.json', ['research/funding', 'research/hiring', 'research/merge', 'research/signals', 'research/sources', 'research/techStack']],
    ['handle_reply', 'handle-reply.json', ['triage/positive', 'triage/router']],
    ['classify_reply_by_vote', 'classify-reply-by-vote.json', ['vote/candidate-1', 'vote/candidate-2', 'vote/candidate-3', 'vote/judge']],
  ])('runs %s on its example input', async (workflow, file, steps) => {
    const result = await harness.cli(['run', workflow, '--input', `examples/workflows/${file}`]);
    expect(result.status).toBe(0);
    const run = parseJson<PrintedRun>(result);
    expect(['succeeded', 'partial']).toContain(run.status);
    expect(run.steps.map((step) => step.key).sort()).toEqual(steps);
  });

  it('refuses a bad input file with one error naming each field, and starts nothing', async () => {
    const before = parseJson<{ runs: unknown[] }>(await harness.cli(['runs', '--json', '--limit', '200'])).runs.length;
    const { status, out, err } = await harness.cli(['run', 'classify_reply', '--input', 'examples/replies/invalid.json']);
    expect(status).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('Workflow classify_reply input is invalid: reply.text: the reply text is empty; reply.from: Invalid email address');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(parseJson<{ runs: unknown[] }>(await harness.cli(['runs', '--json', '--limit', '200'])).runs).toHaveLength(before);
  });

  it('lists the workflows that exist when the name is wrong', async () => {
    const { status, err } = await harness.cli(['run', 'classify_replies', '--input', 'examples/workflows/classify-reply.json']);
    expect(status).toBe(2);
    expect(err).toMatch(/No workflow named "classify_replies"\. Workflows: research_account, write_cold_sequence, handle_reply, classify_reply, classify_reply_by_vote[,.]/);
  });

  it('names the option when --input or --timeout is wrong', async () => {
    const missing = await harness.cli(['run', 'classify_reply']);
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('Missing --input <file.json>. Usage: baton run <workflow> --input <file.json>');
    const timeout = await harness.cli(['run', 'classify_reply', '--input', 'examples/workflows/classify-reply.json', '--timeout', 'soon']);
    expect(timeout.status).toBe(2);
    expect(timeout.err).toContain('--timeout: expected a number of seconds');
    const unknown = await harness.cli(['run', 'classify_reply', '--input', 'x.json', '--wait-forever']);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain("Unknown option '--wait-forever'");
  });
});

describe('baton runs', () => {
  it('starts a run with --no-wait, lists it, shows it in full and cancels it', async () => {
    const started = await harness.cli(['run', 'write_cold_sequence', '--input', 'examples/workflows/write-cold-sequence.json', '--no-wait']);
    expect(started.status).toBe(0);
    const { runId, status } = parseJson<PrintedRun>(started);
    expect(['queued', 'running']).toContain(status);
    expect(started.err).toContain(`baton runs show ${runId}`);

    const listed = await harness.cli(['runs', '--status', status]);
    expect(listed.status).toBe(0);
    expect(listed.out).toMatch(new RegExp(`^${runId} +write_cold_sequence +${status} +\\$0\\.0000`, 'm'));

    const shown = await harness.cli(['runs', 'show', runId]);
    expect(shown.status).toBe(0);
    expect(shown.out).toContain(`run ${runId}  workflow write_cold_sequence@2  ${status}  (simulated)`);
    expect(shown.out).toMatch(/sequence\/qa\/1\/producer {2}email-writer {2}attempt 1 {2}pending/);
    expect(shown.out).toContain('"account":{"name":"Northwind Logistics"');

    const cancelled = await harness.cli(['runs', 'cancel', runId]);
    expect(cancelled.status).toBe(0);
    expect(parseJson(cancelled)).toEqual({ runId, status: 'cancelled' });
    const again = await harness.cli(['runs', 'cancel', runId]);
    expect(again.status).toBe(2);
    expect(again.err).toContain(`conflict: Run ${runId} is already cancelled.`);

    const detail = parseJson<{ status: string; steps: { name: string; status: string; input: unknown }[]; events: { type: string }[]; approvals: unknown[] }>(await harness.cli(['runs', 'show', runId, '--json']));
    expect(detail.status).toBe('cancelled');
    expect(detail.steps).toEqual([expect.objectContaining({ name: 'sequence/qa/1/producer', status: 'cancelled', input: expect.objectContaining({ brief: expect.any(Object) }) })]);
    expect(detail.events.map((event) => event.type)).toContain('run.cancelled');
    expect(detail.approvals).toEqual([]);
  });

  it('shows a finished run with every step\'s input, output, timing, tokens and cost', async () => {
    const { runId } = parseJson<PrintedRun>(await harness.cli(['run', 'classify_reply', '--input', 'examples/workflows/classify-reply.json']));
    const { status, out } = await harness.cli(['runs', 'show', runId]);
    expect(status).toBe(0);
    expect(out).toMatch(/classify {2}reply-classifier {2}attempt 1 {2}succeeded/);
    expect(out).toMatch(/started \d{4}-\d\d-\d\d [\d:]+Z {2}finished \d{4}-\d\d-\d\d [\d:]+Z {2}latency \d+ ms/);
    expect(out).toContain('model offline-simulator  tokens in 0 / out 0  cost $0.0000  confidence 0.95');
    expect(out).toContain('output: {"reason":"[simulated] matched');
    expect(out).toMatch(/step\.completed +classify/);
  });

  it('pages with --limit and --cursor and refuses a bad --status, naming it', async () => {
    const first = parseJson<{ runs: { id: string }[]; nextCursor: string | null }>(await harness.cli(['runs', '--json', '--limit', '1']));
    expect(first.runs).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = parseJson<{ runs: { id: string }[] }>(await harness.cli(['runs', '--json', '--limit', '1', '--cursor', first.nextCursor!]));
    expect(second.runs[0]?.id).not.toBe(first.runs[0]?.id);
    const bad = await harness.cli(['runs', '--status', 'done']);
    expect(bad.status).toBe(2);
    expect(bad.err).toContain('--status: expected one of queued, running, waiting_for_human, succeeded, partial, failed, cancelled, got "done".');
  });

  it('refuses to retry a run that has not failed', async () => {
    const { runId } = parseJson<PrintedRun>(await harness.cli(['run', 'classify_reply', '--input', 'examples/workflows/classify-reply.json']));
    const { status, err } = await harness.cli(['runs', 'retry', runId]);
    expect(status).toBe(2);
    expect(err).toContain(`Run ${runId} is succeeded; only failed or partial runs can be retried.`);
  });

  it('says which run does not exist', async () => {
    const { status, err } = await harness.cli(['runs', 'show', 'no-such-run']);
    expect(status).toBe(2);
    expect(err).toContain('not_found');
  });
});

describe('baton dead-letters', () => {
  it('lists nothing on a clean database', async () => {
    const json = await harness.cli(['dead-letters', '--json']);
    expect(json.status).toBe(0);
    expect(parseJson(json)).toEqual([]);
    const table = await harness.cli(['dead-letters', '--status', 'all']);
    expect(table).toMatchObject({ status: 0, out: '' });
    expect(table.err).toContain('no dead letters');
  });

  it('refuses to retry or discard a dead letter that does not exist', async () => {
    expect((await harness.cli(['dead-letters', 'retry', 'nope'])).status).toBe(2);
    const discarded = await harness.cli(['dead-letters', 'discard', 'nope']);
    expect(discarded.status).toBe(2);
    expect(discarded.err).toContain('Dead letter nope is not open');
  });
});

describe('baton --help', () => {
  it('lists every command', async () => {
    const { status, out } = await harness.cli(['--help']);
    expect(status).toBe(0);
    for (const usage of [
      'baton serve',
      'baton worker [--workers <n>]',
      'baton workflows [--json]',
      'baton run <workflow> --input <file.json>',
      'baton runs [--status <status>]',
      'baton runs show <id>',
      'baton runs retry <id>',
      'baton runs cancel <id>',
      'baton approvals [--status <status>]',
      'baton approvals show <id>',
      'baton approvals approve <id>',
      'baton approvals reject <id> --reason',
      'baton approvals edit <id> --input <file.json>',
      'baton dead-letters [--status',
      'baton dead-letters retry <id>',
      'baton dead-letters discard <id>',
      'baton triggers [--json]',
      'baton schedules [--json]',
      'baton agents [--json]',
      'baton agent run <name> --input <file.json>',
      'baton help <command>',
    ]) {
      expect(out).toContain(usage);
    }
  });

  it('prints a two-word command\'s own help', async () => {
    const { status, out } = await harness.cli(['help', 'runs', 'show']);
    expect(status).toBe(0);
    expect(out).toMatch(/^baton runs show <id> \[--json\]\n\nPrints one run in full/);
    expect((await harness.cli(['runs', 'cancel', '--help'])).out).toMatch(/^baton runs cancel <id>/);
  });

  it('refuses an unknown subcommand with the usage', async () => {
    const { status, err } = await harness.cli(['runs', 'shw', 'x']);
    expect(status).toBe(2);
    expect(err).toContain('Unexpected argument "shw". Usage: baton runs [--status <status>]');
  });
});

describe('input files', () => {
  it('names a file that is not JSON', async () => {
    const file = path.join(harness.folder, 'broken.json');
    await writeFile(file, '{"reply": ');
    const { status, err } = await harness.cli(['run', 'classify_reply', '--input', file]);
    expect(status).toBe(2);
    expect(err).toContain(`Input file ${file} is not valid JSON`);
  });
});
