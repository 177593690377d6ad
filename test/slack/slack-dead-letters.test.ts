import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetter } from '../../src/engine/runtime/dead-letters.js';
import { ALERTS_CHANNEL, createSlackHarness, eventually, exampleInput, OUTSIDER, SETTINGS, type SlackHarness } from './slack-harness.js';
import { blockActionBody } from './signed-requests.js';

const TRIAGER = 'UTRIAGE1';
let harness: SlackHarness;

beforeAll(async () => {
  harness = await createSlackHarness('dead-letters', { settings: { ...SETTINGS, slack: { triage: { users: [TRIAGER], groups: ['SREVOPS'] } } } });
}, 60_000);

afterAll(async () => {
  await harness.close();
}, 60_000);

/** A new lead while the CRM's table is missing: the roster step fails for good and is dead-lettered; then the CRM is put back. */
async function deadLetteredRun(): Promise<{ runId: string; letter: DeadLetter; ts: string }> {
  const { engine } = harness.opened;
  const { sql } = await harness.baton.store();
  await sql.query('ALTER TABLE crm_records RENAME TO crm_records_away');
  let runId: string;
  try {
    ({ runId } = await engine.start('process_new_lead', exampleInput('process-new-lead')));
    await eventually('the run to stop', async () => ((await engine.getRun(runId)).status === 'partial' ? true : undefined));
  } finally {
    await sql.query('ALTER TABLE crm_records_away RENAME TO crm_records');
  }
  const letter = await eventually('the dead letter', async () => (await engine.listDeadLetters({ status: 'open' })).find((candidate) => candidate.runId === runId));
  const message = await eventually('the triage message', () => harness.fake.messages.find((candidate) => candidate.channel === ALERTS_CHANNEL && JSON.stringify(candidate.blocks).includes(`"value":"${letter.id}"`)));
  return { runId, letter, ts: message.ts };
}

const click = (ts: string, letter: DeadLetter, action: 'retry' | 'discard', user: string) =>
  harness.sender.post(blockActionBody({ user, channel: ALERTS_CHANNEL, messageTs: ts, actionId: `dead_letter.${action}`, value: letter.id, blockId: 'dead_letter' }));

const messageAt = (ts: string) => harness.fake.messages.find((message) => message.ts === ts);
const buttonsOf = (ts: string) => JSON.stringify((messageAt(ts)?.blocks ?? []).filter((block) => (block as { type: string }).type === 'actions'));
const ephemeralsFor = (user: string) => harness.fake.ephemerals.filter((ephemeral) => ephemeral.user === user);

describe('dead-letter triage over HTTP', () => {
  it('posts each open dead letter once with Retry and Discard; an outsider is refused and nothing changes', async () => {
    const { letter, ts } = await deadLetteredRun();
    expect(buttonsOf(ts)).toContain('dead_letter.retry');
    expect(buttonsOf(ts)).toContain('dead_letter.discard');
    expect(JSON.stringify(messageAt(ts)?.blocks)).toContain('effect:crm.rep_roster');
    expect((await click(ts, letter, 'retry', OUTSIDER)).status).toBe(200);
    expect((await click(ts, letter, 'discard', OUTSIDER)).status).toBe(200);
    await eventually('two refusals', () => (ephemeralsFor(OUTSIDER).length === 2 ? true : undefined));
    expect(ephemeralsFor(OUTSIDER).every((ephemeral) => ephemeral.text.startsWith('You are not one of the dead-letter triagers') && ephemeral.text.includes(`<@${TRIAGER}>`))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await harness.opened.engine.getDeadLetter(letter.id)).status).toBe('open');
    expect(buttonsOf(ts)).toContain('dead_letter.retry');
    expect(harness.fake.messages.filter((message) => JSON.stringify(message.blocks).includes(`"value":"${letter.id}"`))).toHaveLength(1);
  });

  it('retries once when a triager and a group member click Retry at once; the run resumes and the message says who retried', async () => {
    const { runId, letter, ts } = await deadLetteredRun();
    const clicks = await Promise.all([click(ts, letter, 'retry', TRIAGER), click(ts, letter, 'retry', 'UGROUPMEMBER1'), click(ts, letter, 'retry', TRIAGER)]);
    expect(clicks.map((response) => response.status)).toEqual([200, 200, 200]);
    const resolved = await eventually('the retry', async () => {
      const current = await harness.opened.engine.getDeadLetter(letter.id);
      return current.status === 'open' ? undefined : current;
    });
    expect(resolved.status).toBe('retried');
    const run = await eventually('the run to finish', async () => {
      const current = await harness.opened.engine.getRun(runId);
      return current.status === 'succeeded' ? current : undefined;
    });
    expect(run.events.filter((event) => event.type === 'run.retried')).toHaveLength(1);
    const winner = resolved.resolvedBy?.replace('slack:', '') ?? '';
    expect([TRIAGER, 'UGROUPMEMBER1']).toContain(winner);
    await eventually('the message to show the retry', () => (buttonsOf(ts) === '[]' ? true : undefined));
    expect(JSON.stringify(messageAt(ts)?.blocks)).toContain(`Retried by <@${winner}>`);
    if (winner === TRIAGER) await eventually("the group member's note", () => ephemeralsFor('UGROUPMEMBER1').find((ephemeral) => ephemeral.text === `This dead letter was already retried by <@${TRIAGER}>; nothing was done.`));
    else await eventually("the triager's note", () => ephemeralsFor(TRIAGER).find((ephemeral) => ephemeral.text.includes('already retried by <@UGROUPMEMBER1>')));
  });

  it('discards once; a later Retry is told who discarded it and the run stays as it was', async () => {
    const { runId, letter, ts } = await deadLetteredRun();
    await Promise.all([click(ts, letter, 'discard', TRIAGER), click(ts, letter, 'discard', TRIAGER)]);
    await eventually('the discard', async () => ((await harness.opened.engine.getDeadLetter(letter.id)).status === 'discarded' ? true : undefined));
    await eventually('the message to show the discard', () => (buttonsOf(ts) === '[]' ? true : undefined));
    expect(JSON.stringify(messageAt(ts)?.blocks)).toContain(`Discarded by <@${TRIAGER}>`);
    const before = ephemeralsFor('UGROUPMEMBER2').length;
    await click(ts, letter, 'retry', 'UGROUPMEMBER2');
    const note = await eventually('the note', () => ephemeralsFor('UGROUPMEMBER2')[before]);
    expect(note.text).toBe(`This dead letter was already discarded by <@${TRIAGER}>; nothing was done.`);
    expect(await harness.opened.engine.getDeadLetter(letter.id)).toMatchObject({ status: 'discarded', resolvedBy: `slack:${TRIAGER}` });
    const run = await harness.opened.engine.getRun(runId);
    expect(run.status).toBe('partial');
    expect(run.events.filter((event) => event.type === 'run.retried')).toHaveLength(0);
    expect(ephemeralsFor(TRIAGER).filter((ephemeral) => ephemeral.text.includes(letter.id) || ephemeral.text.includes('already discarded'))).toHaveLength(0);
  });
});
