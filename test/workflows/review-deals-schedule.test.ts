import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSchedules, startScheduleWorker, syncSchedules, type ScheduleWorker } from '../../queues/schedules/index.js';
import { createLogger } from '../../src/logging/index.js';
import { SettingsSchema, type ScheduleSetting } from '../../src/settings/index.js';
import { startReviewDealsHarness, type ReviewDealsHarness } from './review-deals-harness.js';

const logger = createLogger({ level: 'silent' });
let review: ReviewDealsHarness;
let schedules: ScheduleWorker;
let shipped: ScheduleSetting;

beforeAll(async () => {
  review = await startReviewDealsHarness();
  schedules = await startScheduleWorker({ connection: review.harness.redis, prefix: review.harness.prefix, logger, starter: review.harness.engine });
  const settings = SettingsSchema.parse(JSON.parse(await readFile('examples/baton.config.json', 'utf8')));
  const found = settings.schedules.find((schedule) => schedule.workflow === 'review_deals');
  if (found === undefined) throw new Error('examples/baton.config.json has no review_deals schedule');
  shipped = found;
}, 60_000);

afterAll(async () => {
  await syncSchedules({ connection: review.harness.redis, prefix: review.harness.prefix, schedules: [], logger });
  await schedules.close();
  await review.close();
});

async function scheduledRuns(): Promise<{ id: string; status: string }[]> {
  const { rows } = await review.harness.store.sql.query<{ id: string; status: string }>(
    `SELECT r.id, r.status FROM runs r JOIN run_events e ON e.run_id = r.id AND e.type = 'run.started'
     WHERE r.name = 'review_deals' AND e.data->'trigger'->>'kind' = 'schedule' ORDER BY r.created_at`,
  );
  return rows;
}

describe('the review_deals schedule', () => {
  it('is shipped in the example settings to run at 06:00 in its configured time zone, reviewing that zone\'s day', async () => {
    expect(shipped).toMatchObject({ cron: '0 6 * * *', timeZone: 'America/New_York', input: { timeZone: 'America/New_York' } });
    expect(review.workflow.input.safeParse(shipped.input).success).toBe(true);
    await syncSchedules({ connection: review.harness.redis, prefix: review.harness.prefix, schedules: [shipped], logger });
    const [listed] = await listSchedules({ connection: review.harness.redis, prefix: review.harness.prefix });
    expect(listed).toMatchObject({ scheduleId: shipped.id, workflow: 'review_deals', timeZone: 'America/New_York' });
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit' });
    expect(local.format(listed?.nextRunAt)).toBe('06:00');
    await syncSchedules({ connection: review.harness.redis, prefix: review.harness.prefix, schedules: [], logger });
  });

  it('fires the workflow, which reviews the pipeline and publishes its alerts', async () => {
    const everySecond = { ...shipped, id: 'deal-review-now', cron: '*/1 * * * * *' };
    await syncSchedules({ connection: review.harness.redis, prefix: review.harness.prefix, schedules: [everySecond], logger });
    const deadline = Date.now() + 20_000;
    let runs = await scheduledRuns();
    while (!runs.some((run) => run.status === 'succeeded') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      runs = await scheduledRuns();
    }
    await syncSchedules({ connection: review.harness.redis, prefix: review.harness.prefix, schedules: [], logger });
    const fired = runs.find((run) => run.status === 'succeeded');
    expect(fired, `scheduled runs: ${JSON.stringify(runs)}`).toBeDefined();
    const published = (await review.alertEvents()).filter((entry) => entry.alert.runId === fired?.id);
    expect(published.map((entry) => entry.alert.kind)).toContain('manager_rollup');
    expect(published.map((entry) => entry.alert.kind)).toContain('deal_risk');
  }, 30_000);
});
