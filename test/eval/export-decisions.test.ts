import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliHarness, parseJson, type CliHarness } from '../cli/cli-harness.js';

interface PrintedRun {
  runId: string;
  status: string;
  approvals: { id: string; key: string; payload: { sequence: { emails: { subject: string; body: string }[] } } & Record<string, unknown> }[];
}

interface ExportedCase {
  id: string;
  input: Record<string, unknown>;
  decisions: { at: string; decision: string; payload?: unknown; reason?: string }[];
  expect: { status: string; fields: { path: string; equals?: unknown }[] };
  knownGood?: { output: { sequence?: { emails: { subject: string }[] } }; fields: Record<string, string> };
  knownBad?: { output: unknown; reason?: string; maxAgreement: number };
  source: { runId: string; approvalId: string; key: string; kind: string; outcome: string; decidedBy: string; reason: string | null; diff: { path: string; before: unknown; after: unknown }[] };
}

interface PrintedEval {
  evaluations: { workflow: string; results: { id: string; passed: boolean; failures: string[]; agreement: { score: number } | null; knownBadAgreement: number | null }[] }[];
}

let harness: CliHarness;
beforeAll(async () => {
  harness = await createCliHarness('eval-export');
});
afterAll(async () => {
  await harness.close();
});

/** A shipped golden case's input as a file for `baton run`. */
async function inputFile(workflow: string, id: string): Promise<string> {
  const golden = JSON.parse(await readFile(path.join('golden', workflow, `${id}.json`), 'utf8')) as { input: unknown };
  const file = path.join(harness.folder, `${workflow}-${id}.json`);
  await writeFile(file, JSON.stringify(golden.input));
  return file;
}

async function waitingRun(workflow: string, id: string): Promise<{ runId: string; approval: PrintedRun['approvals'][number] }> {
  const result = await harness.cli(['run', workflow, '--input', await inputFile(workflow, id)]);
  const run = parseJson<PrintedRun>(result);
  expect(run.status, result.err).toBe('waiting_for_human');
  const [approval] = run.approvals;
  if (approval === undefined) throw new Error(`run ${run.runId} waits with no approval`);
  return { runId: run.runId, approval };
}

async function readCases(folder: string): Promise<ExportedCase[]> {
  const files = (await readdir(folder)).sort();
  return Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(folder, file), 'utf8')) as ExportedCase));
}

describe('baton eval export-decisions', () => {
  it('turns approved, edited, rejected and re-categorised decisions into golden cases with their diffs', async () => {
    const approved = await waitingRun('write_cold_sequence', 'northwind-series-b');
    expect((await harness.cli(['approvals', 'approve', approved.approval.id, '--as', 'U-DANA'])).status).toBe(0);

    const edited = await waitingRun('write_cold_sequence', 'northwind-series-b');
    const payload = structuredClone(edited.approval.payload);
    const [first] = payload.sequence.emails;
    if (first === undefined) throw new Error('the sequence has no first email');
    const originalSubject = first.subject;
    first.subject = 'Your Series B and the SDR ramp';
    const editFile = path.join(harness.folder, 'edited-sequence.json');
    await writeFile(editFile, JSON.stringify(payload));
    const editResult = await harness.cli(['approvals', 'edit', edited.approval.id, '--input', editFile, '--as', 'U-SAM']);
    expect(editResult.status, editResult.err).toBe(0);

    const rejected = await waitingRun('write_cold_sequence', 'acme-robotics');
    expect((await harness.cli(['approvals', 'reject', rejected.approval.id, '--reason', 'Too generic for a tier 1 account', '--as', 'U-DANA'])).status).toBe(0);

    const review = await waitingRun('handle_reply', 'low-confidence-forwarded');
    expect(review.approval.key).toBe('triage/review');
    const categoryFile = path.join(harness.folder, 'category.json');
    await writeFile(categoryFile, JSON.stringify({ category: 'positive' }));
    expect((await harness.cli(['approvals', 'edit', review.approval.id, '--input', categoryFile, '--as', 'U-PRIYA'])).status).toBe(0);

    // The eval's own decisions are replays, not judgement: they must not be exported.
    const golden = path.join(harness.folder, 'shipped');
    await mkdir(path.join(golden, 'write_cold_sequence'), { recursive: true });
    await cp(path.join('golden', 'write_cold_sequence', 'hooli.json'), path.join(golden, 'write_cold_sequence', 'hooli.json'));
    expect((await harness.cli(['eval', '--golden', golden])).status).toBe(0);

    const lines = await harness.cli(['eval', 'export-decisions']);
    expect(lines.status, lines.err).toBe(0);
    expect(lines.err).toContain('baton: exported 4 decisions as golden cases');
    const printed = lines.out.trim().split('\n').map((line) => JSON.parse(line) as { workflow: string; case: ExportedCase });
    expect(printed.map((entry) => [entry.workflow, entry.case.source.outcome, entry.case.source.decidedBy])).toEqual([
      ['write_cold_sequence', 'approved', 'U-DANA'],
      ['write_cold_sequence', 'edited', 'U-SAM'],
      ['write_cold_sequence', 'rejected', 'U-DANA'],
      ['handle_reply', 'edited', 'U-PRIYA'],
    ]);

    const out = path.join(harness.folder, 'exported');
    expect((await harness.cli(['eval', 'export-decisions', '--out', out])).status).toBe(0);
    const sequences = await readCases(path.join(out, 'write_cold_sequence'));
    const byOutcome = new Map(sequences.map((entry) => [entry.source.outcome, entry]));

    const approvedCase = byOutcome.get('approved');
    expect(approvedCase).toMatchObject({ id: `approved-${approved.approval.id.slice(0, 8)}`, decisions: [{ at: 'sequence/approve', decision: 'approve' }], expect: { status: 'succeeded' } });
    expect(approvedCase?.knownGood?.output.sequence?.emails[0]?.subject).toBe(originalSubject);

    const editedCase = byOutcome.get('edited');
    expect(editedCase?.source.diff).toEqual([{ path: 'sequence.emails.0.subject', before: originalSubject, after: 'Your Series B and the SDR ramp' }]);
    // The eval lets the fresh draft through and measures it against the reviewer's version.
    expect(editedCase?.decisions).toEqual([{ at: 'sequence/approve', decision: 'approve' }]);
    expect(editedCase?.knownGood?.output.sequence?.emails[0]?.subject).toBe('Your Series B and the SDR ramp');

    const rejectedCase = byOutcome.get('rejected');
    expect(rejectedCase).toMatchObject({ knownBad: { reason: 'Too generic for a tier 1 account', maxAgreement: 0.9 }, source: { reason: 'Too generic for a tier 1 account', runId: rejected.runId } });
    expect(rejectedCase?.knownBad?.output).toEqual(rejected.approval.payload);

    const [recategorised] = await readCases(path.join(out, 'handle_reply'));
    expect(recategorised).toMatchObject({
      decisions: [{ at: 'triage/review', decision: 'edit', payload: { category: 'positive' } }],
      expect: { status: 'succeeded', fields: [{ path: 'routing.category', equals: 'positive' }] },
      knownGood: { fields: { 'routing.category': 'exact' } },
      source: { kind: 'review', key: 'triage/review', diff: [{ path: 'category', before: 'question', after: 'positive' }] },
    });

    // The exported cases load and run as a golden set: the simulator writes the rejected draft again, so that case fails.
    const evaluated = await harness.cli(['eval', '--golden', out, '--json']);
    expect(evaluated.status).toBe(1);
    const results = new Map(parseJson<PrintedEval>(evaluated).evaluations.flatMap((evaluation) => evaluation.results.map((result) => [result.id, result])));
    expect(results.get(approvedCase?.id ?? '')).toMatchObject({ passed: true, agreement: { score: 1 } });
    const editedAgreement = results.get(editedCase?.id ?? '')?.agreement?.score ?? 1;
    expect(editedAgreement).toBeGreaterThan(0.5);
    expect(editedAgreement).toBeLessThan(1);
    expect(results.get(rejectedCase?.id ?? '')).toMatchObject({ passed: false, knownBadAgreement: 1 });
    expect(results.get(rejectedCase?.id ?? '')?.failures).toEqual(['the output agrees 1 with the rejected output (Too generic for a tier 1 account); at most 0.9 accepted']);
    expect(results.get(recategorised?.id ?? '')).toMatchObject({ passed: true });
  });

  it('filters by workflow and refuses an unknown one or a bad date', async () => {
    const filtered = await harness.cli(['eval', 'export-decisions', '--workflow', 'handle_reply']);
    expect(filtered.status).toBe(0);
    expect(filtered.out.trim().split('\n').map((line) => (JSON.parse(line) as { workflow: string }).workflow)).toEqual(['handle_reply']);
    expect((await harness.cli(['eval', 'export-decisions', '--since', '2999-01-01'])).out).toBe('');
    const unknown = await harness.cli(['eval', 'export-decisions', '--workflow', 'nope']);
    expect(unknown.status).toBe(2);
    const badDate = await harness.cli(['eval', 'export-decisions', '--since', 'yesterday']);
    expect(badDate.status).toBe(2);
    expect(badDate.err).toContain('--since: expected an ISO date such as 2026-11-01, got "yesterday"');
  });
});
