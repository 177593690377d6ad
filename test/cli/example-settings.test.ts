import { describe, expect, it } from 'vitest';
import { createBaton } from '../../src/main/create-baton.js';

describe('examples/baton.config.json', () => {
  it('loads, and every trigger and schedule names a shipped workflow', async () => {
    const baton = await createBaton({ env: { BATON_CONFIG: 'examples/baton.config.json', BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent' } });
    try {
      expect(baton.settings.triggers.map((trigger) => trigger.workflow)).toEqual(['research_account', 'handle_reply']);
      expect(baton.settings.schedules.map((schedule) => schedule.workflow)).toEqual(['research_account']);
      expect(baton.settings.reviewPolicies['send_sequence']?.risk).toBe('high');
    } finally {
      await baton.close();
    }
  });

  it('is refused when a trigger names a workflow that does not exist', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'baton-settings-')), 'baton.config.json');
    await writeFile(file, JSON.stringify({ triggers: [{ event: 'deal.stalled', workflow: 'review_deals' }] }));
    await expect(createBaton({ env: { BATON_CONFIG: file, BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent' } })).rejects.toThrow(/triggers\[0\]\.workflow: no workflow named "review_deals"/);
  });
});
