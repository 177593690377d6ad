import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { FakeSalesforceServer } from '../fakes/fake-salesforce-server.js';
import { captureIo } from '../support/capture-io.js';

// `baton crm …` as a user runs it with SALESFORCE_INSTANCE_URL and SALESFORCE_ACCESS_TOKEN set:
// real jsforce against the fake org; change sets stay in Baton's embedded database.
describe('baton crm show and seed on Salesforce', () => {
  let folder: string;
  let fake: FakeSalesforceServer;
  let accountId: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'baton-crm-salesforce-cli-'));
    await writeFile(path.join(folder, 'baton.config.json'), '{}');
    fake = new FakeSalesforceServer();
    await fake.start();
    accountId = fake.seed('Account', { Name: 'Acme Freight', Industry: 'Logistics', NumberOfEmployees: 1200 });
  });
  afterAll(async () => {
    await fake.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function cli(args: readonly string[]) {
    const io = captureIo();
    const env = {
      BATON_DATA_DIR: path.join(folder, 'data'),
      BATON_MODEL: 'offline',
      BATON_LOG_LEVEL: 'silent',
      BATON_CONFIG: path.join(folder, 'baton.config.json'),
      SALESFORCE_INSTANCE_URL: fake.url,
      SALESFORCE_ACCESS_TOKEN: fake.credentials.accessToken,
    };
    const status = await runCli(args, { io, env });
    return { status, out: io.out(), err: io.err() };
  }

  it('shows a record read from the org, with its fields and no change sets yet', async () => {
    const shown = await cli(['crm', 'show', 'Account', accountId]);
    expect(shown.err).toBe('');
    expect(shown.status).toBe(0);
    expect(shown.out).toContain(`Account ${accountId}`);
    expect(shown.out).toMatch(/Name\s+"Acme Freight"/);
    expect(shown.out).toMatch(/NumberOfEmployees\s+1200/);
    expect(shown.out).toContain('change sets (0)');
    expect(fake.requests.some((request) => request.path.includes(`/sobjects/Account/${accountId}`))).toBe(true);
  });

  it('says so when the record is not in the org', async () => {
    const missing = await cli(['crm', 'show', 'Account', '001000000000000AAA']);
    expect(missing.status).not.toBe(0);
    expect(missing.err).toContain('not_found');
  });

  it('refuses to seed a real org, saying how to seed the embedded CRM instead', async () => {
    const seeded = await cli(['crm', 'seed']);
    expect(seeded.status).not.toBe(0);
    expect(seeded.err).toContain('embedded CRM only');
    expect(seeded.err).toContain('unset the SALESFORCE_* variables');
    expect(fake.requests.every((request) => request.method === 'GET')).toBe(true);
  });
});
