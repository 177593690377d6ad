import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { captureIo } from '../support/capture-io.js';

const SETTINGS = {
  triggers: [
    { event: 'reply.received', workflow: 'handle_reply', when: { 'data.channel': 'email' } },
    { event: 'lead.created', workflow: 'research_account', input: { account: 'data.account' } },
  ],
  schedules: [{ id: 'morning-research', cron: '0 6 * * 1-5', timeZone: 'America/New_York', workflow: 'research_account', input: { account: { name: 'Globex', domain: 'globex.example' } } }],
};

let folder: string;
let settingsFile: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-cli-settings-'));
  settingsFile = path.join(folder, 'baton.config.json');
  await writeFile(settingsFile, JSON.stringify(SETTINGS));
  await writeFile(path.join(folder, 'empty.json'), '{}');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Neither command needs the store or Redis: they read the settings file. */
async function cli(args: readonly string[], config = settingsFile) {
  const io = captureIo();
  const status = await runCli(args, { io, env: { BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent', BATON_CONFIG: config, REDIS_URL: 'redis://127.0.0.1:1' } });
  return { status, out: io.out(), err: io.err() };
}

describe('baton triggers and baton schedules', () => {
  it('lists the triggers of the settings file', async () => {
    const json = await cli(['triggers', '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.out)).toEqual(SETTINGS.triggers);
    const table = await cli(['triggers']);
    expect(table.out).toMatch(/^EVENT +WORKFLOW +WHEN +INPUT$/m);
    expect(table.out).toMatch(/^reply\.received +handle_reply +data\.channel="email" +\(event data\)$/m);
    expect(table.out).toMatch(/^lead\.created +research_account +- +account="data\.account"$/m);
  });

  it('lists the schedules of the settings file', async () => {
    const json = await cli(['schedules', '--json']);
    expect(json.status).toBe(0);
    // Not synced to Redis yet (only `baton serve` does that): no next run is known.
    expect(JSON.parse(json.out)).toEqual(SETTINGS.schedules.map((schedule) => ({ ...schedule, nextRunAt: null })));
    const table = await cli(['schedules']);
    expect(table.out).toMatch(/^morning-research +0 6 \* \* 1-5 +America\/New_York +research_account +not synced +\{"account":\{"name":"Globex"/m);
  });

  it('says when there are none', async () => {
    const empty = path.join(folder, 'empty.json');
    expect(await cli(['triggers'], empty)).toMatchObject({ status: 0, out: '', err: `baton: no triggers in ${empty}.\n` });
    expect(await cli(['schedules', '--json'], empty)).toMatchObject({ status: 0, out: '[]\n' });
  });
});
