import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliHarness, parseJson, type CliHarness } from '../cli/cli-harness.js';

interface PrintedEval {
  passed: boolean;
  drifted: boolean;
  evaluations: {
    id: string;
    workflow: string;
    metrics: { cases: number; passed: number; schemaValidity: number; ruleCompliance: number; criticPassRate: number | null; meanIterations: number | null; agreement: number | null; decisions: number };
    drift: { previousEvalRunId: string | null; drifted: boolean; metrics: { metric: string; drifted: boolean }[]; cases: { id: string; problem: string }[] };
    results: { id: string; passed: boolean; failures: string[]; decisions: { at: string; decision: string }[] }[];
  }[];
}

interface StoredEval {
  id: string;
  workflow: string;
  mode: string;
  cases: number;
  passed: number;
  previous_id: string | null;
  drift: { drifted: boolean };
}

let harness: CliHarness;
let database: pg.Client;
beforeAll(async () => {
  harness = await createCliHarness('eval');
  database = new pg.Client({ connectionString: harness.env['DATABASE_URL'] });
  await database.connect();
});
afterAll(async () => {
  await database.end();
  await harness.close();
});

/** A golden folder of the test's own, holding copies of the shipped cases it names. */
async function goldenFolder(name: string, cases: Record<string, readonly string[]>): Promise<string> {
  const folder = path.join(harness.folder, name);
  for (const [workflow, ids] of Object.entries(cases)) {
    await mkdir(path.join(folder, workflow), { recursive: true });
    for (const id of ids) await cp(path.join('golden', workflow, `${id}.json`), path.join(folder, workflow, `${id}.json`));
  }
  return folder;
}

async function editCase(folder: string, workflow: string, id: string, edit: (golden: Record<string, unknown>) => void): Promise<void> {
  const file = path.join(folder, workflow, `${id}.json`);
  const golden = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(golden);
  await writeFile(file, JSON.stringify(golden));
}

async function storedEvals(workflow: string): Promise<StoredEval[]> {
  const { rows } = await database.query<StoredEval>('SELECT id, workflow, mode, cases, passed, previous_id, drift FROM eval_runs WHERE workflow = $1 ORDER BY finished_at', [workflow]);
  return rows;
}

const REPLIES = ['positive-next-week', 'objection-under-contract', 'question-pricing', 'out-of-office-alternate', 'not-interested-remove', 'spam-lottery'];

describe('baton eval', () => {
  it('runs a golden set offline, prints its figures, stores the eval, and flags drift on the next one', async () => {
    const folder = await goldenFolder('drift', { classify_reply: REPLIES });
    const first = await harness.cli(['eval', 'classify_reply', '--golden', folder]);
    expect(first.status, first.err).toBe(0);
    expect(first.out).toMatch(/^workflow +cases +passed +schema +rules +critic +iterations +agreement +drift$/m);
    expect(first.out).toMatch(/^classify_reply +6 +6\/6 +100\.0% +100\.0% +– +– +0\.\d{3} +first eval$/m);
    expect(first.out).toContain('6/6 cases passed; no drift.');
    expect(first.err).toContain('pass  classify_reply/spam-lottery (succeeded,');
    const [stored] = await storedEvals('classify_reply');
    expect(stored).toMatchObject({ mode: 'offline', cases: 6, passed: 6, previous_id: null });

    // A known-good output that disagrees with what the system produces: agreement falls for two cases.
    for (const id of ['positive-next-week', 'question-pricing']) {
      await editCase(folder, 'classify_reply', id, (golden) => {
        golden['knownGood'] = { output: { category: 'spam', reason: 'A bulk mailing with nothing to do with our email.' }, fields: { category: 'exact', reason: 'tokens' } };
      });
    }
    const second = await harness.cli(['eval', 'classify_reply', '--golden', folder, '--json']);
    expect(second.status, second.err).toBe(0);
    const printed = parseJson<PrintedEval>(second);
    const [evaluation] = printed.evaluations;
    expect(printed).toMatchObject({ passed: true, drifted: true });
    expect(evaluation?.drift.previousEvalRunId).toBe(stored?.id);
    expect(evaluation?.drift.metrics.filter((metric) => metric.drifted).map((metric) => metric.metric)).toEqual(['agreement']);
    expect(evaluation?.drift.cases.map((entry) => entry.id).sort()).toEqual(['positive-next-week', 'question-pricing']);
    expect(evaluation?.drift.cases[0]?.problem).toMatch(/^agreement fell from 0\.\d+ to 0(\.\d+)?$/);
    const rows = await storedEvals('classify_reply');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ id: evaluation?.id, previous_id: stored?.id, drift: { drifted: true } });

    // The same figures again: compared with the drifted eval, nothing moved.
    const third = await harness.cli(['eval', 'classify_reply', '--golden', folder, '--fail-on-drift']);
    expect(third.status, third.out).toBe(0);
    expect(third.out).toMatch(/^classify_reply .* none$/m);
  });

  it('exits 1 with --fail-on-drift when the figures fell, naming the metric and the cases', async () => {
    const folder = await goldenFolder('fail-on-drift', { classify_reply_by_vote: ['positive-next-week', 'question-pricing'] });
    expect((await harness.cli(['eval', 'classify_reply_by_vote', '--golden', folder])).status).toBe(0);
    await editCase(folder, 'classify_reply_by_vote', 'question-pricing', (golden) => {
      golden['knownGood'] = { output: { category: 'objection', reason: 'Nothing in common.' }, fields: { category: 'exact', reason: 'tokens' } };
    });
    const drifted = await harness.cli(['eval', 'classify_reply_by_vote', '--golden', folder, '--fail-on-drift']);
    expect(drifted.status).toBe(1);
    expect(drifted.out).toMatch(/^classify_reply_by_vote .* DRIFT: agreement, 1 case$/m);
    expect(drifted.out).toMatch(/↓ classify_reply_by_vote agreement: 0\.\d+ → 0\.\d+ \(-0\.\d+\) since /);
    expect(drifted.out).toMatch(/↓ classify_reply_by_vote\/question-pricing: agreement fell from 0\.\d+ to 0/);
    expect(drifted.out).toContain('2/2 cases passed; drift flagged.');
  });

  it('exits 1 when a case misses its expectations, and says which and why', async () => {
    const folder = await goldenFolder('failing', { classify_reply: ['positive-next-week', 'spam-lottery'] });
    await editCase(folder, 'classify_reply', 'positive-next-week', (golden) => {
      golden['expect'] = { fields: [{ path: 'category', equals: 'objection' }], rulesPass: ['reply-classifier/no-such-check'] };
    });
    const result = await harness.cli(['eval', '--golden', folder]);
    expect(result.status).toBe(1);
    expect(result.out).toMatch(/^classify_reply +2 +1\/2 /m);
    expect(result.out).toMatch(/✗ classify_reply\/positive-next-week \(run [0-9a-f-]{36}, succeeded\)/);
    expect(result.out).toContain('      category is "positive", expected "objection"');
    expect(result.out).toContain('      rule reply-classifier/no-such-check was never checked');
    // The first test's evals of classify_reply are the previous ones: this case passed there.
    expect(result.out).toContain('↓ classify_reply/positive-next-week: passed before, fails now');
    expect(result.out).toContain('1/2 cases passed; drift flagged.');
    expect(result.err).toContain('FAIL  classify_reply/positive-next-week');
  });

  it('settles gates as each case says: approval, rejection, an escalation after three failing rounds, and a gate with no decision', async () => {
    const folder = await goldenFolder('gates', { write_cold_sequence: ['northwind-series-b', 'rejected-by-reviewer', 'dash-in-account-name', 'hooli'] });
    await editCase(folder, 'write_cold_sequence', 'hooli', (golden) => {
      golden['decisions'] = [];
    });
    const result = await harness.cli(['eval', 'write_cold_sequence', '--golden', folder, '--json']);
    expect(result.status).toBe(1);
    const [evaluation] = parseJson<PrintedEval>(result).evaluations;
    const byId = new Map(evaluation?.results.map((entry) => [entry.id, entry]));
    expect(byId.get('northwind-series-b')).toMatchObject({ passed: true, decisions: [{ at: 'sequence/approve', decision: 'approve' }] });
    expect(byId.get('rejected-by-reviewer')).toMatchObject({ passed: true, decisions: [{ at: 'sequence/approve', decision: 'reject' }] });
    expect(byId.get('dash-in-account-name')).toMatchObject({ passed: true, decisions: [{ at: 'sequence/qa/escalation', decision: 'edit' }, { at: 'sequence/approve', decision: 'approve' }] });
    const hooli = byId.get('hooli');
    expect(hooli?.passed).toBe(false);
    expect(hooli?.failures.slice(0, 2)).toEqual(['the run waits at sequence/approve (send_sequence) and the case gives no decision for it', 'status is waiting_for_human, expected succeeded']);
    // Six loop rounds in four cases (3 + 1 + 1 + 1), and the escalated case's three failing verdicts.
    expect(evaluation?.metrics).toMatchObject({ cases: 4, passed: 3, meanIterations: 1.5, criticPassRate: 0.5, decisions: 4, schemaValidity: 1 });
    expect(evaluation?.metrics.ruleCompliance).toBeLessThan(1);
  });

  it('refuses a bad golden file with exit 2, naming the file and the field', async () => {
    const folder = await goldenFolder('invalid', { classify_reply: ['spam-lottery'] });
    await editCase(folder, 'classify_reply', 'spam-lottery', (golden) => {
      golden['expect'] = { status: 'finished' };
    });
    const result = await harness.cli(['eval', '--golden', folder]);
    expect(result.status).toBe(2);
    expect(result.err).toContain('classify_reply/spam-lottery.json: expect.status: Invalid option');
    const unknown = await harness.cli(['eval', 'no_such_workflow', '--golden', folder]);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('No workflow named "no_such_workflow"');
  });
});
