import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVALS_CHANNEL, createSlackHarness, eventually, exampleInput, REVIEWER, type SlackHarness } from './slack-harness.js';
import { slashCommandBody } from './signed-requests.js';

let harness: SlackHarness;

beforeAll(async () => {
  harness = await createSlackHarness('commands');
}, 60_000);

afterAll(async () => {
  await harness.close();
}, 60_000);

let responses = 0;
async function command(name: string, text: string) {
  responses += 1;
  const id = `r${responses}`;
  const result = await harness.sender.post(slashCommandBody(name, text, { user: REVIEWER, channel: APPROVALS_CHANNEL, responseUrl: harness.fake.responseUrl(id) }));
  return { ...result, responded: () => eventually(`the answer on ${id}`, () => harness.fake.responses.find((response) => response.id === id)?.body) };
}

describe('slash commands', () => {
  it('/research acme.com acks at once, starts research and posts progress and the brief in a thread with the run id', async () => {
    const started = Date.now();
    const ack = await command('/research', 'acme.com');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(ack.status).toBe(200);
    expect(ack.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Acme (acme.com)') as unknown });
    const root = await eventually('the research thread', () => harness.fake.messages.find((message) => message.threadTs === undefined && message.text.includes('Researching Acme (acme.com)')));
    const runId = /Run `([^`]+)`/.exec(JSON.stringify(root.blocks))?.[1];
    expect(runId).toBeDefined();
    const brief = await eventually('the brief in the thread', () => harness.fake.thread(root.ts).find((message) => message.text.startsWith('Account brief: Acme')), 20_000);
    expect(JSON.stringify(brief.blocks)).toContain('Problem hypothesis');
    expect(JSON.stringify(brief.blocks)).toContain(`Run \`${runId ?? ''}\``);
    const run = await harness.opened.engine.getRun(runId ?? '');
    expect(run).toMatchObject({ name: 'research_account', status: 'succeeded', input: { account: { name: 'Acme', domain: 'acme.com' } } });
    expect(harness.fake.thread(root.ts).length).toBeGreaterThanOrEqual(1);
  });

  it('/research with a company name and domain uses both; a name alone is looked up in the CRM; nothing at all gets the usage', async () => {
    const named = await command('/research', 'Northwind Logistics northwind-logistics.com');
    expect(String(named.json()['text'])).toContain('Northwind Logistics (northwind-logistics.com)');

    await (await harness.baton.crm()).seed();
    const byName = await command('/research', 'Harbor Point Health');
    expect(byName.json()).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('Looking up Harbor Point Health in the CRM') as unknown });
    const run = await eventually('research of the account the CRM knows', async () => (await harness.opened.engine.listRuns({ workflow: 'research_account', limit: 50 })).runs.find((entry) => JSON.stringify(entry.input).includes('harborpoint-health.example')));
    expect(run.input).toEqual({ account: { name: 'Harbor Point Health', domain: 'harborpoint-health.example' } });

    const before = (await harness.opened.engine.listRuns({ workflow: 'research_account', limit: 200 })).runs.length;
    const unknown = await command('/research', 'Acme Corp');
    expect((await unknown.responded())).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('No account named "Acme Corp" in the CRM') as unknown });
    expect((await harness.opened.engine.listRuns({ workflow: 'research_account', limit: 200 })).runs).toHaveLength(before);

    const empty = await command('/research', '');
    expect(String(empty.json()['text'])).toMatch(/^Usage: `\/research <domain>`/);
  });

  it('/baton runs, run <id> and approvals answer on the response URL, ephemerally', async () => {
    const { runId } = await harness.opened.engine.start('write_cold_sequence', exampleInput('write-cold-sequence'));
    await eventually('the gate', async () => (await harness.opened.engine.listApprovals({ runId, status: 'pending' }))[0]);
    const runs = await (await command('/baton', 'runs')).responded();
    expect(runs['response_type']).toBe('ephemeral');
    expect(JSON.stringify(runs['blocks'])).toContain(runId);
    const one = await (await command('/baton', `run ${runId}`)).responded();
    expect(JSON.stringify(one['blocks'])).toContain('waiting_for_human');
    const missing = await (await command('/baton', 'run no-such-run')).responded();
    expect(JSON.stringify(missing['blocks'])).toContain('No run `no-such-run`');
    const mine = await (await command('/baton', 'approvals mine')).responded();
    expect(JSON.stringify(mine['blocks'])).toContain(runId);
    const all = await (await command('/baton', 'approvals all')).responded();
    expect(JSON.stringify(all['blocks'])).toContain('send_sequence');
  });

  it('/baton help and bad arguments answer the usage in the ack, ephemerally, and start nothing', async () => {
    const before = (await harness.opened.engine.listRuns({ limit: 200 })).runs.length;
    const help = await command('/baton', 'help');
    expect(String(help.json()['text'])).toContain('/baton approvals [mine|all]');
    for (const text of ['frobnicate', 'run', 'runs extra', 'approvals everyone']) {
      const answer = (await command('/baton', text)).json();
      expect(answer['response_type']).toBe('ephemeral');
      expect(String(answer['text'])).toContain('Usage:');
    }
    expect((await harness.opened.engine.listRuns({ limit: 200 })).runs.length).toBe(before);
  });
});
