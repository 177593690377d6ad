import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from '../../src/engine/approvals/review-policy.js';
import { defineWorkflow, gate, pipeline, step } from '../../src/engine/workflow/define-workflow.js';
import type { BatonError } from '../../src/errors/index.js';
import { createEngineHarness, type EngineHarness } from './engine-harness.js';
import { shout } from './fixture-agents.js';
import { eventTypes, pendingApproval, rejectionOf } from './run-inspection.js';
import { waitUntil } from './wait-until.js';

/** Human decisions on the real store: exactly once, on the version shown, by whom the policy names, and never waiting forever. */
const Text = z.object({ text: z.string() });
const shoutThenGate = (name: string, action: string) =>
  defineWorkflow({ name, version: '1', description: `shout, then ${action}`, input: Text, root: pipeline('main', [step(shout), gate('approve', action)]) });

const workflows = [
  shoutThenGate('gated_shout', 'send_sequence'),
  shoutThenGate('guarded_send', 'guarded_send'),
  shoutThenGate('low_risk_send', 'low_risk_send'),
  shoutThenGate('medium_risk_send', 'medium_risk_send'),
  shoutThenGate('high_risk_send', 'high_risk_send'),
  defineWorkflow({ name: 'expiring_send', version: '1', description: 'a gate first, then shout', input: Text, root: pipeline('main', [gate('approve', 'expiring_send'), step(shout)]) }),
];

const policy = (overrides: Partial<ReviewPolicy>): ReviewPolicy => ({ ...DEFAULT_REVIEW_POLICY, ...overrides });
const policies: Record<string, ReviewPolicy> = {
  guarded_send: policy({ reviewers: { users: ['U-lead'], groups: ['revops'] } }),
  low_risk_send: policy({ risk: 'low' }),
  medium_risk_send: policy({ risk: 'medium' }),
  high_risk_send: policy({ risk: 'high' }),
  expiring_send: policy({ expiresInMinutes: 30, onExpiry: 'escalate', reviewers: { users: ['U-rep'], groups: [] }, escalateTo: { users: ['U-manager'], groups: [] } }),
};

let harness: EngineHarness;

beforeAll(async () => {
  harness = await createEngineHarness({ workflows, policies });
  harness.startWorker();
});

afterAll(async () => {
  await harness.close();
});

async function waitingRun(workflow: string, text: string) {
  const { runId } = await harness.engine.start(workflow, { text });
  await harness.waitFor(runId, ['waiting_for_human']);
  return { runId, approval: await pendingApproval(harness.engine, runId) };
}

async function auditRowsFor(approvalId: string): Promise<{ actor: string; action: string }[]> {
  const { rows } = await harness.store.sql.query<{ actor: string; action: string }>('SELECT actor, action FROM audit_log WHERE target = $1', [`approval:${approvalId}`]);
  return rows;
}

async function expireNow(approvalId: string): Promise<void> {
  await harness.store.sql.query(`UPDATE approvals SET expires_at = now() - interval '1 second' WHERE id = $1`, [approvalId]);
}

describe('approvals', () => {
  it('takes exactly one of ten concurrent decisions; the others get a conflict naming who decided', async () => {
    const { runId, approval } = await waitingRun('gated_shout', 'concurrent-case');
    const attempts = Array.from({ length: 10 }, (_, index) =>
      harness.engine.decide({
        approvalId: approval.id,
        fingerprint: approval.fingerprint,
        decision: index % 2 === 0 ? { decision: 'approve' } : { decision: 'reject', reason: 'not this week' },
        reviewer: { id: `U-${index}`, via: index % 3 === 0 ? 'slack' : 'mcp' },
      }),
    );
    const settled = await Promise.allSettled(attempts);

    const winners = settled.flatMap((result, index) => (result.status === 'fulfilled' ? [{ index, outcome: result.value.outcome }] : []));
    expect(winners).toHaveLength(1);
    const winner = `U-${winners[0]!.index}`;
    const losers = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as BatonError] : []));
    expect(losers).toHaveLength(9);
    for (const loser of losers) {
      expect(loser).toMatchObject({ code: 'conflict', details: { decidedBy: winner, reason: 'already_decided' } });
      expect(loser.message).toContain(`by ${winner}`);
    }
    expect(await harness.engine.getApproval(approval.id)).toMatchObject({ status: winners[0]!.outcome, decidedBy: winner });
    expect(await auditRowsFor(approval.id)).toHaveLength(1);
    const run = await harness.waitFor(runId, ['succeeded', 'partial', 'failed']);
    expect(eventTypes(run).filter((type) => type === 'approval.decided')).toHaveLength(1);
    expect(run.status).toBe(winners[0]!.outcome === 'approved' ? 'succeeded' : 'failed');
  });

  it('refuses a decision on a stale fingerprint', async () => {
    const { runId, approval } = await waitingRun('gated_shout', 'stale-case');
    const refused = await rejectionOf(
      harness.engine.decide({ approvalId: approval.id, fingerprint: '0'.repeat(32), decision: { decision: 'approve' }, reviewer: { id: 'U-1', via: 'slack' } }),
    );

    expect(refused).toMatchObject({ code: 'conflict', details: { reason: 'stale_fingerprint' } });
    expect(refused.message).toMatch(/reload it and decide again/);
    expect(await harness.engine.getApproval(approval.id)).toMatchObject({ status: 'pending', decidedBy: null });
    expect((await harness.engine.getRun(runId)).status).toBe('waiting_for_human');
  });

  it("refuses a reviewer the policy does not name, and takes a named group member's decision", async () => {
    const { runId, approval } = await waitingRun('guarded_send', 'guarded-case');
    const refused = await rejectionOf(
      harness.engine.decide({ approvalId: approval.id, fingerprint: approval.fingerprint, decision: { decision: 'approve' }, reviewer: { id: 'U-intern', groups: ['sales'], via: 'slack' } }),
    );

    expect(refused).toMatchObject({ code: 'unauthorized', details: { reviewer: 'U-intern' } });
    expect(refused.message).toContain('U-lead, group revops');
    expect(await harness.engine.getApproval(approval.id)).toMatchObject({ status: 'pending' });

    await harness.engine.decide({ approvalId: approval.id, fingerprint: approval.fingerprint, decision: { decision: 'approve' }, reviewer: { id: 'U-ops', groups: ['revops'], via: 'slack' } });
    expect((await harness.waitFor(runId, ['succeeded', 'partial', 'failed'])).status).toBe('succeeded');
  });

  it('refuses an invalid edit naming the field, and changes nothing', async () => {
    const { runId, approval } = await waitingRun('gated_shout', 'edit-case');
    const refused = await rejectionOf(
      harness.engine.decide({
        approvalId: approval.id,
        fingerprint: approval.fingerprint,
        decision: { decision: 'edit', payload: { text: 'Better', confidence: 7 } },
        reviewer: { id: 'U-editor', via: 'slack' },
      }),
    );

    expect(refused.code).toBe('input_invalid');
    expect(refused.message).toMatch(/^The edited send_sequence is invalid: confidence: /);
    expect(refused.details['issues']).toEqual([expect.objectContaining({ field: 'confidence' })]);
    expect(await harness.engine.getApproval(approval.id)).toEqual(approval);
    expect(await auditRowsFor(approval.id)).toEqual([]);
    expect((await harness.engine.getRun(runId)).status).toBe('waiting_for_human');

    await harness.engine.decide({
      approvalId: approval.id,
      fingerprint: approval.fingerprint,
      decision: { decision: 'edit', payload: { text: 'Better', confidence: 0.7 } },
      reviewer: { id: 'U-editor', via: 'slack' },
    });
    const run = await harness.waitFor(runId, ['succeeded', 'partial', 'failed']);
    expect(run.output).toEqual({ text: 'Better', confidence: 0.7 });
  });

  it('escalates an expired approval to the escalation reviewers, then rejects it on the second expiry', async () => {
    const { runId, approval } = await waitingRun('expiring_send', 'expiry-case');
    expect(approval.reviewers).toEqual({ users: ['U-rep'], groups: [] });
    expect(await harness.engine.sweepExpiredApprovals()).toEqual({ escalated: 0, expired: 0 });

    await expireNow(approval.id);
    expect(await harness.engine.sweepExpiredApprovals()).toEqual({ escalated: 1, expired: 0 });
    const escalated = await harness.engine.getApproval(approval.id);
    expect(escalated).toMatchObject({ status: 'pending', escalationLevel: 1, reviewers: { users: ['U-manager'], groups: [] } });
    expect(Date.parse(escalated.expiresAt!)).toBeGreaterThan(Date.now() + 25 * 60_000);
    const run = await harness.engine.getRun(runId);
    expect(run.events.find((event) => event.type === 'approval.escalated')).toMatchObject({ step: 'main/approve', data: { level: 1, reviewers: { users: ['U-manager'] } } });
    const former = await rejectionOf(
      harness.engine.decide({ approvalId: approval.id, fingerprint: approval.fingerprint, decision: { decision: 'approve' }, reviewer: { id: 'U-rep', via: 'slack' } }),
    );
    expect(former.code).toBe('unauthorized');

    await expireNow(approval.id);
    expect(await harness.engine.sweepExpiredApprovals()).toEqual({ escalated: 0, expired: 1 });
    const ended = await harness.waitFor(runId, ['failed', 'partial', 'succeeded']);
    expect(ended.status).toBe('failed');
    expect(ended.error).toMatchObject({ code: 'rejected', message: expect.stringContaining('expired') as unknown });
    expect(await harness.engine.getApproval(approval.id)).toMatchObject({ status: 'expired', decidedBy: 'policy:expired' });
    expect(ended.steps).toEqual([]);
  });

  it('auto-approves a low-risk gate: the run never waits for a human', async () => {
    const { runId } = await harness.engine.start('low_risk_send', { text: 'low-risk-case' });
    const run = await harness.waitFor(runId, ['succeeded', 'partial', 'failed', 'waiting_for_human']);

    expect(run.status).toBe('succeeded');
    expect(eventTypes(run)).toContain('approval.auto_approved');
    expect(eventTypes(run)).not.toContain('run.waiting_for_human');
    expect(await harness.engine.listApprovals({ runId })).toEqual([expect.objectContaining({ status: 'approved', risk: 'low', decidedBy: 'policy:low-risk' })]);
  });

  it('reviews every medium-risk item while the gate has no decision history', async () => {
    const { runId, approval } = await waitingRun('medium_risk_send', 'medium-risk-case');

    expect(approval).toMatchObject({ status: 'pending', risk: 'medium' });
    const run = await harness.engine.getRun(runId);
    expect(run.events.find((event) => event.type === 'approval.requested')?.data).toMatchObject({ risk: 'medium' });
    expect(eventTypes(run)).not.toContain('approval.notified');
  });

  it('always waits for a human at a high-risk gate', async () => {
    const { runId, approval } = await waitingRun('high_risk_send', 'high-risk-case');

    expect(approval).toMatchObject({ status: 'pending', risk: 'high', kind: 'gate' });
    expect(await harness.queue.queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({ waiting: 0, active: 0, delayed: 0 });
    await harness.engine.decide({ approvalId: approval.id, fingerprint: approval.fingerprint, decision: { decision: 'approve' }, reviewer: { id: 'U-1', via: 'cli' } });
    expect((await harness.waitFor(runId, ['succeeded', 'partial', 'failed'])).status).toBe('succeeded');
  });

  // BUG (approvals/sweep-expired.ts settleExpired): the sweep locks the approval row first and the
  // run second (lockRun after the escalation UPDATE, or advanceRun after the expiry UPDATE), while
  // decideApproval, cancelRun and every step ending lock the run first. A decision arriving
  // between the sweep's two locks deadlocks; PostgreSQL aborts one of them.
  it('settles a sweep and a decision racing on one approval without a deadlock', async () => {
    const { runId, approval } = await waitingRun('expiring_send', 'race-case');
    await expireNow(approval.id);
    // Stretches the sweep's escalation UPDATE (held between its two locks), as a slow disk would.
    await harness.store.sql.execute(`
      CREATE OR REPLACE FUNCTION test_slow_escalation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.escalation_level IS DISTINCT FROM OLD.escalation_level THEN PERFORM pg_sleep(0.5); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_slow_escalation BEFORE UPDATE ON approvals FOR EACH ROW EXECUTE FUNCTION test_slow_escalation();
    `);
    try {
      const sweep = harness.engine.sweepExpiredApprovals();
      await waitUntil('the sweep to hold the approval', async () => {
        const { rows } = await harness.store.sql.query<{ sleeping: boolean }>(
          `SELECT count(*) > 0 AS sleeping FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`,
        );
        return rows[0]?.sleeping === true ? true : undefined;
      });
      const decision = harness.engine.decide({ approvalId: approval.id, fingerprint: approval.fingerprint, decision: { decision: 'approve' }, reviewer: { id: 'U-manager', via: 'slack' } });
      const [swept, decided] = await Promise.allSettled([sweep, decision]);

      // Outcomes or error messages, so a failure shows what PostgreSQL said.
      expect(swept.status === 'fulfilled' ? swept.value : String(swept.reason)).toEqual({ escalated: 1, expired: 0 });
      expect(decided.status === 'fulfilled' ? decided.value.outcome : String(decided.reason)).toBe('approved');
      expect((await harness.waitFor(runId, ['succeeded', 'partial', 'failed'])).status).toBe('succeeded');
    } finally {
      await harness.store.sql.execute('DROP TRIGGER IF EXISTS test_slow_escalation ON approvals; DROP FUNCTION IF EXISTS test_slow_escalation();');
    }
  });
});
