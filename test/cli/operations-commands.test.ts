import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliHarness, type CliHarness } from './cli-harness.js';

let harness: CliHarness;
beforeAll(async () => {
  harness = await createCliHarness('ops');
});
afterAll(async () => {
  await harness.close();
});

describe('baton breakers and baton events publish', () => {
  it('lists no breaker before any failure', async () => {
    const result = await harness.cli(['breakers', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.out)).toEqual([]);
    expect((await harness.cli(['breakers'])).out).toContain('No breaker has seen a failure.');
  });

  it('publishes an event, naming the id and the workflows its triggers start', async () => {
    const data = path.join(os.tmpdir(), `baton-event-${process.pid}.json`);
    await writeFile(data, JSON.stringify({ account: { name: 'Globex', domain: 'globex.example' } }));
    const result = await harness.cli(['events', 'publish', 'account.targeted', '--data', data, '--id', 'evt-1']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ eventId: 'evt-1', type: 'account.targeted', triggers: [] });
  });

  it('shows no review rate before any gate opened', async () => {
    expect((await harness.cli(['approvals', 'rates'])).out).toContain('No gate has opened an approval yet.');
    expect(JSON.parse((await harness.cli(['approvals', 'rates', '--json'])).out)).toEqual([]);
  });

  it('refuses an event type that is not noun.verb', async () => {
    const result = await harness.cli(['events', 'publish', 'Lead Created']);
    expect(result.status).toBe(2);
    expect(result.err).toMatch(/type/);
  });
});
