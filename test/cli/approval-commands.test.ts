import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliHarness, parseJson, type CliHarness } from './cli-harness.js';

interface PrintedRun {
  runId: string;
  status: string;
  output?: { sequence?: { emails: { subject: string; body: string }[] }; crmWrites?: unknown[]; failed?: { step: string } };
  error?: { code: string; message: string };
  approvals: { id: string; key: string; action: string; fingerprint: string; payload: { sequence: { emails: { subject: string; body: string }[] }; perContact: unknown[] } }[];
}

let harness: CliHarness;
beforeAll(async () => {
  harness = await createCliHarness('approvals');
});
afterAll(async () => {
  await harness.close();
});

/** write_cold_sequence on the example brief, run until it waits for the send approval. */
async function sequenceWaitingForApproval(env: Record<string, string> = {}) {
  const result = await harness.cli(['run', 'write_cold_sequence', '--input', 'examples/workflows/write-cold-sequence.json'], env);
  expect(result.status, result.err).toBe(0);
  const run = parseJson<PrintedRun>(result);
  expect(run.status).toBe('waiting_for_human');
  const [approval] = run.approvals;
  expect(approval).toMatchObject({ key: 'sequence/approve', action: 'send_sequence', fingerprint: expect.stringMatching(/^[0-9a-f]+$/) });
  expect(approval!.payload.sequence.emails).toHaveLength(3);
  expect(approval!.payload.perContact).toHaveLength(2);
  expect(result.err).toMatch(/approval\.requested +sequence\/approve \(send_sequence, high risk\)/);
  expect(result.err).toContain(`baton approvals approve ${approval!.id}`);
  return { run, approval: approval! };
}

describe('deciding approvals from the CLI', () => {
  it('write_cold_sequence waits for a human; approving it finishes the run with the sequence', async () => {
    const { run, approval } = await sequenceWaitingForApproval();

    const inbox = await harness.cli(['approvals']);
    expect(inbox.out).toMatch(new RegExp(`^${approval.id} +${run.runId} +write_cold_sequence +sequence/approve +send_sequence +high +pending`, 'm'));
    const shown = await harness.cli(['approvals', 'show', approval.id]);
    expect(shown.out).toContain(`fingerprint ${approval.fingerprint}`);
    expect(shown.out).toContain('reviewers: anyone');
    expect(shown.err).toContain(`baton approvals approve ${approval.id}`);

    const approved = await harness.cli(['approvals', 'approve', approval.id]);
    expect(approved.status).toBe(0);
    const finished = parseJson<PrintedRun>(approved);
    expect(finished).toMatchObject({ runId: run.runId, status: 'succeeded', approvals: [] });
    expect(finished.output?.sequence?.emails).toEqual(approval.payload.sequence.emails);
    expect(finished.output?.crmWrites).toEqual([]);
    expect(approved.err).toContain(`approving send_sequence at sequence/approve of run ${run.runId}`);
    expect(approved.err).toMatch(/approval\.decided +sequence\/approve \(approved by cli via cli\)/);
    expect(approved.err).not.toMatch(/step\.queued +sequence\/qa/); // only what followed the decision

    const decided = parseJson<{ status: string; decidedBy: string }>(await harness.cli(['approvals', 'show', approval.id, '--json']));
    expect(decided).toMatchObject({ status: 'approved', decidedBy: 'cli' });
    expect((await harness.cli(['approvals', '--run', run.runId, '--status', 'approved', '--json'])).out).toContain(approval.id);
  });

  it('refuses a second decision with the engine\'s message and exit status 2', async () => {
    const { approval } = await sequenceWaitingForApproval();
    expect((await harness.cli(['approvals', 'approve', approval.id, '--as', 'U-FIRST'])).status).toBe(0);
    const second = await harness.cli(['approvals', 'reject', approval.id, '--reason', 'too late']);
    expect(second.status).toBe(2);
    expect(second.out).toBe('');
    expect(second.err).toMatch(new RegExp(`conflict: Approval ${approval.id} was already approved by U-FIRST at \\S+\\.`));
  });

  it('refuses a decision on a version the reviewer did not see (stale fingerprint)', async () => {
    const { approval } = await sequenceWaitingForApproval();
    const stale = await harness.cli(['approvals', 'approve', approval.id, '--fingerprint', '0000stale']);
    expect(stale.status).toBe(2);
    expect(stale.err).toContain(`Approval ${approval.id} has changed since it was shown (fingerprint 0000stale is stale); reload it and decide again.`);
    const still = parseJson<{ status: string }>(await harness.cli(['approvals', 'show', approval.id, '--json']));
    expect(still.status).toBe('pending');
  });

  it('rejecting with a reason ends the run failed with that reason', async () => {
    const { run, approval } = await sequenceWaitingForApproval();
    const missing = await harness.cli(['approvals', 'reject', approval.id]);
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('--reason is required');
    const blank = await harness.cli(['approvals', 'reject', approval.id, '--reason', '  ']);
    expect(blank.status).toBe(2);
    expect(blank.err).toContain('--reason: reason: say why the item is rejected');

    const rejected = await harness.cli(['approvals', 'reject', approval.id, '--reason', 'Email 2 promises a summary we do not have', '--as', 'U-REP']);
    expect(rejected.status).toBe(0);
    const ended = parseJson<PrintedRun>(rejected);
    // A rejection ends the run by decision: failed, with the reviewer's reason.
    expect(ended).toMatchObject({ runId: run.runId, status: 'failed', error: { code: 'rejected' } });
    expect(ended.error?.message).toContain('Email 2 promises a summary we do not have');
    const shown = await harness.cli(['runs', 'show', run.runId]);
    expect(shown.out).toContain('rejected  by U-REP at');
    const retried = await harness.cli(['runs', 'retry', run.runId]);
    expect(retried.status).toBe(2);
    expect(retried.err).toContain('has no failed step to retry (it was stopped by a decision)');
  });

  it('edits the sequence from a file, and refuses an edit that breaks its schema naming the field', async () => {
    const { run, approval } = await sequenceWaitingForApproval();
    const invalid = path.join(harness.folder, 'invalid-edit.json');
    await writeFile(invalid, JSON.stringify({ ...approval.payload, sequence: { ...approval.payload.sequence, emails: 'none' } }));
    const refused = await harness.cli(['approvals', 'edit', approval.id, '--input', invalid]);
    expect(refused.status).toBe(2);
    expect(refused.err).toMatch(/input_invalid: The edited send_sequence is invalid: sequence\.emails: /);

    const edited = { ...approval.payload, sequence: { ...approval.payload.sequence, emails: approval.payload.sequence.emails.map((email, index) => (index === 0 ? { ...email, subject: 'Your Series B and SDR ramp' } : email)) } };
    const file = path.join(harness.folder, 'edit.json');
    await writeFile(file, JSON.stringify(edited));
    const result = await harness.cli(['approvals', 'edit', approval.id, '--input', file]);
    expect(result.status, result.err).toBe(0);
    const finished = parseJson<PrintedRun>(result);
    expect(finished).toMatchObject({ runId: run.runId, status: 'succeeded' });
    expect(finished.output?.sequence?.emails[0]?.subject).toBe('Your Series B and SDR ramp');
  });

  it('refuses a reviewer the policy does not list, and accepts one it does with --as', async () => {
    const policy = { risk: 'high', reviewers: { users: ['U-REP'], groups: [] }, expiresInMinutes: 60, onExpiry: 'reject' };
    const env = { BATON_CONFIG: await harness.writeSettings('reviewers.json', { reviewPolicies: { send_sequence: policy } }) };
    const { run, approval } = await sequenceWaitingForApproval(env);
    const refused = await harness.cli(['approvals', 'approve', approval.id], env);
    expect(refused.status).toBe(2);
    expect(refused.err).toContain(`unauthorized: cli may not decide approval ${approval.id} (send_sequence); reviewers: U-REP.`);
    const accepted = await harness.cli(['approvals', 'approve', approval.id, '--as', 'U-REP'], env);
    expect(accepted.status).toBe(0);
    expect(parseJson<PrintedRun>(accepted)).toMatchObject({ runId: run.runId, status: 'succeeded' });
  });

  it('decides with --no-wait and leaves the run to a worker', async () => {
    const { run, approval } = await sequenceWaitingForApproval();
    const result = await harness.cli(['approvals', 'approve', approval.id, '--no-wait']);
    expect(result.status).toBe(0);
    const printed = parseJson<PrintedRun>(result);
    expect(printed.runId).toBe(run.runId);
    expect(['succeeded', 'running']).toContain(printed.status);
  });

  it('says which approval does not exist', async () => {
    const { status, err } = await harness.cli(['approvals', 'approve', 'no-such-approval']);
    expect(status).toBe(2);
    expect(err).toContain('not_found: Approval no-such-approval does not exist.');
  });
});
