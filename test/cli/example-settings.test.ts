import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBaton } from '../../src/main/create-baton.js';
import { openCrm } from '../../src/main/open-crm.js';

describe('examples/baton.config.json', () => {
  it('loads, and every trigger and schedule names a shipped workflow', async () => {
    const baton = await createBaton({ env: { BATON_CONFIG: 'examples/baton.config.json', BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent' } });
    try {
      expect(baton.settings.triggers.map((trigger) => trigger.workflow)).toEqual(['research_account', 'handle_reply', 'process_new_lead']);
      expect(baton.settings.schedules.map((schedule) => schedule.workflow)).toEqual(['research_account', 'review_deals']);
      expect(baton.settings.reviewPolicies['send_sequence']?.risk).toBe('high');
    } finally {
      await baton.close();
    }
  });

  it('governs CRM writes with its governance section', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'baton-example-governance-'));
    const baton = await createBaton({ env: { BATON_CONFIG: 'examples/baton.config.json', BATON_DATA_DIR: path.join(folder, 'data'), BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent' } });
    try {
      const { changeSets } = await openCrm(baton);
      expect(changeSets.settings.agentPriority).toEqual({ 'opt-out-confirmer': 30, 'reply-classifier': 20, 'research-merge': 10 });
      expect(changeSets.settings.allowedFields['research-merge']?.Account).toContain('Rating');
      expect(changeSets.settings.fieldRules.Account?.['Rating']).toEqual({ kind: 'enum', values: ['Hot', 'Warm', 'Cold'] });
      expect(changeSets.settings.risk).toMatchObject({ Account: 'medium', Opportunity: 'high' });
    } finally {
      await baton.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('is refused when a trigger names a workflow that does not exist', async () => {
    const { writeFile } = await import('node:fs/promises');
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'baton-settings-')), 'baton.config.json');
    await writeFile(file, JSON.stringify({ triggers: [{ event: 'deal.stalled', workflow: 'escalate_deals' }] }));
    await expect(createBaton({ env: { BATON_CONFIG: file, BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent' } })).rejects.toThrow(/triggers\[0\]\.workflow: no workflow named "escalate_deals"/);
  });

  it('is refused when workflowDefaults names a workflow that does not exist', async () => {
    const { writeFile } = await import('node:fs/promises');
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'baton-settings-')), 'baton.config.json');
    await writeFile(file, JSON.stringify({ workflowDefaults: { handle_replies: { booking: {} } } }));
    await expect(createBaton({ env: { BATON_CONFIG: file, BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent' } })).rejects.toThrow(/workflowDefaults\.handle_replies: no workflow named "handle_replies"/);
  });
});
