import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '../../queues/connection/queue-test-support.js';
import { createCliHarness, type CliHarness } from '../cli/cli-harness.js';
import { FakeSalesforceServer } from '../fakes/fake-salesforce-server.js';

let harness: CliHarness;
let database: pg.Client;
let redis: Redis;
beforeAll(async () => {
  harness = await createCliHarness('eval-scratch');
  database = new pg.Client({ connectionString: harness.env['DATABASE_URL'] });
  await database.connect();
  redis = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  redis.disconnect();
  await database.end();
  await harness.close();
});

/** What the configured store holds: the CRM, its change sets, runs, evals, and any scratch schema left behind. */
async function configuredState() {
  const count = async (sql: string) => Number((await database.query<{ count: string }>(sql)).rows[0]?.count);
  const { rows: leads } = await database.query<{ id: string; fields: unknown; last_modified: Date }>("SELECT id, fields, last_modified FROM crm_records WHERE type = 'Lead' ORDER BY id");
  return {
    records: await count('SELECT count(*) FROM crm_records'),
    changeSets: await count('SELECT count(*) FROM crm_change_sets'),
    writes: await count('SELECT count(*) FROM crm_writes'),
    runs: await count('SELECT count(*) FROM runs'),
    evals: await count("SELECT count(*) FROM eval_runs WHERE workflow = 'process_new_lead'"),
    scratchSchemas: await count("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'baton_eval_%'"),
    leads,
  };
}

/** The queue prefix each set's world used, as the progress lines name it. */
function worldPrefixes(stderr: string): string[] {
  return [...stderr.matchAll(/queue prefix (\S+)$/gm)].map((match) => match[1] ?? '');
}

describe('baton eval in a scratch world', () => {
  it('leaves the configured CRM untouched, and two evals of process_new_lead in a row both pass', async () => {
    expect((await harness.cli(['crm', 'seed'])).status).toBe(0);
    const before = await configuredState();
    expect(before.records).toBeGreaterThan(50);

    const first = await harness.cli(['eval', 'process_new_lead']);
    expect(first.status, first.out + first.err).toBe(0);
    expect(first.out).toMatch(/^process_new_lead +16 +16\/16 +100\.0% +100\.0% +– +– +0\.9\d\d +first eval$/m);
    expect(first.err).toMatch(/process_new_lead: scratch world in schema baton_eval_[0-9a-f]{12}, queue prefix \S+$/m);
    expect(first.err).toContain('pass  process_new_lead/country-no-rep-covers-approved (succeeded,');
    expect(first.err).toContain('pass  process_new_lead/country-no-rep-covers-rejected (partial,');

    // Sixteen owner writes later, the configured book is as seeded: nothing ran on it, nothing was written to it.
    const after = await configuredState();
    expect(after).toEqual({ ...before, evals: before.evals + 1 });
    for (const prefix of worldPrefixes(first.err)) expect(await redis.keys(`${prefix}:*`)).toEqual([]);

    // The per-record hourly cap counts writes in the world's own store, so a second eval within the hour runs as the first did.
    const second = await harness.cli(['eval', 'process_new_lead']);
    expect(second.status, second.out + second.err).toBe(0);
    expect(second.out).toMatch(/^process_new_lead +16 +16\/16 .* none$/m);
    expect(await configuredState()).toEqual({ ...before, evals: before.evals + 2 });
  });

  it('never reaches the Salesforce org SALESFORCE_* names: the world has its own embedded CRM', async () => {
    const org = new FakeSalesforceServer();
    await org.start();
    try {
      const result = await harness.cli(['eval', 'research_account'], { SALESFORCE_INSTANCE_URL: org.url, SALESFORCE_ACCESS_TOKEN: org.credentials.accessToken });
      expect(result.status, result.out + result.err).toBe(0);
      expect(result.out).toMatch(/^research_account +13 +13\/13 /m);
      expect(org.requests).toEqual([]);
    } finally {
      await org.close();
    }
  });

  it('seeds the sample book for the day the set names, so a recorded review gives the same answer any day', async () => {
    const folder = path.join(harness.folder, 'review-days');
    await mkdir(path.join(folder, 'review_deals'), { recursive: true });
    const golden = await readFile(path.join('golden', 'review_deals', 'new-york-today.json'), 'utf8');
    await writeFile(path.join(folder, 'review_deals', 'new-york-today.json'), golden);
    await writeFile(path.join(folder, 'review_deals', '_world.json'), await readFile(path.join('golden', 'review_deals', '_world.json'), 'utf8'));
    const recorded = await harness.cli(['eval', 'review_deals', '--golden', folder, '--json']);
    expect(recorded.status, recorded.err).toBe(0);
    expect(agreementOf(recorded.out)).toBe(1);

    // A week later the same deals have slipped a week: the review differs from the recorded one.
    await writeFile(path.join(folder, 'review_deals', '_world.json'), JSON.stringify({ today: '2026-11-29' }));
    const later = await harness.cli(['eval', 'review_deals', '--golden', folder, '--json']);
    expect(agreementOf(later.out)).toBeLessThan(1);

    await writeFile(path.join(folder, 'review_deals', '_world.json'), JSON.stringify({ today: 'next week' }));
    const invalid = await harness.cli(['eval', 'review_deals', '--golden', folder]);
    expect(invalid.status).toBe(2);
    expect(invalid.err).toContain('review_deals/_world.json: today: a date such as 2026-11-22');
  });

  it('refuses to run when the scratch world cannot be created, and leaves nothing behind', async () => {
    const before = await configuredState();
    const result = await harness.cli(['eval', 'classify_reply'], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/baton: store_unavailable: baton eval runs each golden set in a scratch world .* never on the configured store or CRM, and could not create one for classify_reply: The scratch world cannot be created, so nothing was run and nothing was written: Redis at redis:\/\/127\.0\.0\.1:1 did not answer/);
    expect(result.err).not.toContain('pass  ');
    expect(await configuredState()).toEqual(before);
  });
});

function agreementOf(stdout: string): number | null {
  const printed = JSON.parse(stdout) as { evaluations: { metrics: { agreement: number | null } }[] };
  return printed.evaluations[0]?.metrics.agreement ?? null;
}
