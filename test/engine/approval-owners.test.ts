import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEmbeddedCrm } from '../../crm/embedded/index.js';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from '../../src/engine/approvals/review-policy.js';
import { defineWorkflow, gate, pipeline, step } from '../../src/engine/workflow/define-workflow.js';
import { createLogger } from '../../src/logging/index.js';
import { createSlackRecordOwners } from '../../src/main/slack-record-owners.js';
import { createEngineHarness, type EngineHarness } from './engine-harness.js';
import { shout } from './fixture-agents.js';
import { pendingApproval, rejectionOf } from './run-inspection.js';

/** The record's owner and the owner's manager as reviewers: found in the CRM when the approval opens, stored with it, checked like any reviewer. */
const Input = z.object({ text: z.string(), contact: z.object({ id: z.string() }).optional() });
const shoutThenGate = (action: string) => defineWorkflow({ name: action, version: '1', description: `shout, then ${action}`, input: Input, root: pipeline('main', [step(shout), gate('approve', action)]) });

const LEAD = 'U0LEAD';
const OWNER = 'U0OWNER';
const MANAGER = 'U0MANAGER';
const NEW_OWNER = 'U0NEWOWNER';
const policy = (overrides: Partial<ReviewPolicy>): ReviewPolicy => ({ ...DEFAULT_REVIEW_POLICY, reviewers: { users: [LEAD], groups: [] }, ...overrides });
const policies: Record<string, ReviewPolicy> = {
  owner_send: policy({ allowRecordOwner: true }),
  manager_send: policy({ allowRecordOwner: true, allowOwnerManager: true }),
  plain_send: policy({}),
  open_send: policy({ reviewers: { users: [], groups: [] }, allowRecordOwner: true }),
};

let harness: EngineHarness;

beforeAll(async () => {
  harness = await createEngineHarness({
    workflows: Object.keys(policies).map(shoutThenGate),
    policies,
    recordOwnersFor: (store) =>
      createSlackRecordOwners({ crm: createEmbeddedCrm({ sql: store.sql }), users: { '005OWNER': OWNER, '005MANAGER': MANAGER, '005NEWOWNER': NEW_OWNER }, logger: createLogger({ level: 'silent' }) }),
  });
  await createEmbeddedCrm({ sql: harness.store.sql }).insertRecords([
    { type: 'User', id: '005OWNER', fields: { Name: 'Priya Raman', ManagerId: '005MANAGER' } },
    { type: 'User', id: '005MANAGER', fields: { Name: 'Grace Whitfield', ManagerId: null } },
    { type: 'User', id: '005NEWOWNER', fields: { Name: 'Marcus Bell', ManagerId: '005MANAGER' } },
    { type: 'Contact', id: '003DANA', fields: { Name: 'Dana Ortiz', OwnerId: '005OWNER' } },
    { type: 'Contact', id: '003SAM', fields: { Name: 'Sam Patel', OwnerId: '005NEWOWNER' } },
  ]);
  harness.startWorker();
});

afterAll(async () => {
  await harness.close();
});

async function waitingRun(workflow: string, contact: string | undefined) {
  const { runId } = await harness.engine.start(workflow, { text: `${workflow} for ${contact ?? 'nobody'}`, ...(contact === undefined ? {} : { contact: { id: contact } }) });
  await harness.waitFor(runId, ['waiting_for_human']);
  return { runId, approval: await pendingApproval(harness.engine, runId) };
}

const decide = (approval: { id: string; fingerprint: string }, id: string) =>
  harness.engine.decide({ approvalId: approval.id, fingerprint: approval.fingerprint, decision: { decision: 'approve' }, reviewer: { id, via: 'slack' } });

describe('record owners as reviewers', () => {
  it("stores the contact's owner with the approval; under allowRecordOwner the owner decides and the manager is refused", async () => {
    const { runId, approval } = await waitingRun('owner_send', '003DANA');
    expect(approval.reviewers).toEqual({
      users: [LEAD, OWNER],
      groups: [],
      owner: { record: { type: 'Contact', id: '003DANA' }, ownerId: '005OWNER', managerId: '005MANAGER', ownerReviewer: OWNER, managerReviewer: MANAGER },
    });
    const refused = await rejectionOf(decide(approval, MANAGER));
    expect(refused).toMatchObject({ code: 'unauthorized', details: { reviewer: MANAGER } });
    await decide(approval, OWNER);
    expect(await harness.engine.getApproval(approval.id)).toMatchObject({ status: 'approved', decidedBy: OWNER });
    expect((await harness.waitFor(runId, ['succeeded', 'failed'])).status).toBe('succeeded');
  });

  it("lets the owner's manager decide under allowOwnerManager, exactly once against the owner and the lead at the same moment", async () => {
    const { approval } = await waitingRun('manager_send', '003DANA');
    expect(approval.reviewers.users).toEqual([LEAD, OWNER, MANAGER]);
    const settled = await Promise.allSettled([decide(approval, MANAGER), decide(approval, OWNER), decide(approval, LEAD), decide(approval, MANAGER)]);
    expect(settled.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of settled) if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'conflict', details: { reason: 'already_decided' } });
    expect([LEAD, OWNER, MANAGER]).toContain((await harness.engine.getApproval(approval.id)).decidedBy);
  });

  it('keeps the owner off the reviewers when the policy does not allow them, and leaves a policy naming nobody open to anyone', async () => {
    const plain = await waitingRun('plain_send', '003DANA');
    expect(plain.approval.reviewers.users).toEqual([LEAD]);
    expect(plain.approval.reviewers.owner?.ownerReviewer).toBe(OWNER);
    expect(await rejectionOf(decide(plain.approval, OWNER))).toMatchObject({ code: 'unauthorized' });

    const open = await waitingRun('open_send', '003DANA');
    expect(open.approval.reviewers.users).toEqual([]);
    await decide(open.approval, 'U0SOMEONE');
    expect((await harness.engine.getApproval(open.approval.id)).decidedBy).toBe('U0SOMEONE');
  });

  it('opens with the policy reviewers alone when the record is unknown or the run names none', async () => {
    const unknown = await waitingRun('owner_send', '003NOBODY');
    expect(unknown.approval.reviewers).toEqual({ users: [LEAD], groups: [] });
    const none = await waitingRun('owner_send', undefined);
    expect(none.approval.reviewers).toEqual({ users: [LEAD], groups: [] });
  });

  it('decides against the owner found when the approval opened, not a later owner', async () => {
    const { approval } = await waitingRun('owner_send', '003SAM');
    expect(approval.reviewers.users).toEqual([LEAD, NEW_OWNER]);
    await harness.store.sql.query(`UPDATE crm_records SET fields = fields || '{"OwnerId": "005OWNER"}'::jsonb WHERE type = 'Contact' AND id = '003SAM'`);
    expect(await rejectionOf(decide(approval, OWNER))).toMatchObject({ code: 'unauthorized' });
    await decide(approval, NEW_OWNER);
    expect(await harness.engine.getApproval(approval.id)).toMatchObject({ status: 'approved', decidedBy: NEW_OWNER, fingerprint: approval.fingerprint });
  });
});
