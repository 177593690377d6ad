import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliCommand } from '../../src/cli/cli-command.js';
import { crmRollbackCommand } from '../../src/cli/commands/crm-rollback-command.js';
import { crmSeedCommand } from '../../src/cli/commands/crm-seed-command.js';
import { crmShowCommand } from '../../src/cli/commands/crm-show-command.js';
import { toBatonError } from '../../src/errors/index.js';
import { createBaton, type Baton } from '../../src/main/create-baton.js';
import { openCrm } from '../../src/main/open-crm.js';
import { captureIo } from '../support/capture-io.js';

const LEAD = { type: 'Lead', id: '00QBt0000000000001' } as const;

// The commands as run-cli would run them, on one Baton over an embedded database in a temporary folder.
describe('baton crm seed, show and rollback', () => {
  let folder: string;
  let baton: Baton;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'baton-crm-cli-'));
    await writeFile(path.join(folder, 'baton.config.json'), '{}');
    baton = await createBaton({ env: { BATON_DATA_DIR: path.join(folder, 'data'), BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent', BATON_CONFIG: path.join(folder, 'baton.config.json') } });
  });
  afterAll(async () => {
    await baton.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function run(command: CliCommand, args: readonly string[]) {
    const io = captureIo();
    const status = await command.run(args, { io, baton: () => Promise.resolve(baton) }).catch((error: unknown) => toBatonError(error));
    return { status, out: io.out(), err: io.err() };
  }

  it('seeds the sample book, then adds nothing the second time', async () => {
    const first = await run(crmSeedCommand, []);
    expect(first.status).toBe(0);
    expect(first.out).toContain('7 User, 30 Account, 90 Contact, 15 Lead, 20 Opportunity');
    expect(first.out).toContain('added 162 records');
    expect((await run(crmSeedCommand, [])).out).toContain('added 0 records; 162 were already there');
  });

  it('shows a record with its fields and change sets, and rolls a change set back', async () => {
    const { changeSets } = await openCrm(baton);
    const changeSet = await changeSets.propose({
      traceId: 'trace-cli', agent: 'research-merge', agentVersion: '1', confidence: 0.95, record: LEAD, changes: [{ field: 'Title', newValue: 'Chief Revenue Officer' }], idempotencyKey: 'cli-1',
    });
    expect(changeSet.status).toBe('applied');
    const shown = await run(crmShowCommand, ['Lead', LEAD.id]);
    expect(shown.out).toContain(`Lead ${LEAD.id}`);
    expect(shown.out).toMatch(/Title\s+"Chief Revenue Officer"/);
    expect(shown.out).toContain(`${changeSet.id}  applied`);

    const rolledBack = await run(crmRollbackCommand, [changeSet.id, '--as', 'maya']);
    expect(rolledBack.out).toContain('Title: "Chief Revenue Officer" -> "VP of Sales"');
    const json = JSON.parse((await run(crmShowCommand, ['Lead', LEAD.id, '--json'])).out) as { record: { fields: Record<string, unknown> }; changeSets: { status: string; rolledBackBy: string }[] };
    expect(json.record.fields['Title']).toBe('VP of Sales');
    expect(json.changeSets[0]).toMatchObject({ status: 'rolled_back', rolledBackBy: 'maya' });
  });

  it('names the object types when the type is not one', async () => {
    const result = await run(crmShowCommand, ['Widget', 'x']);
    expect(result.status).toMatchObject({ code: 'input_invalid' });
    expect((result.status as Error).message).toContain('Account');
  });
});
