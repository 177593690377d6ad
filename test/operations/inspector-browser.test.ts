import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createInspectorRoute } from '../../web/index.js';
import { defineWorkflow, fanOut, gate, pipeline, step } from '../../src/engine/workflow/define-workflow.js';
import { createLogger } from '../../src/logging/index.js';
import { startHttpServer, type RunningHttpServer } from '../../src/main/http-server.js';
import { createMetricsCollector } from '../../src/metrics/index.js';
import { createEngineHarness, type EngineHarness } from '../engine/engine-harness.js';
import { answerLikeSimulators, inputOf, toolOf } from '../engine/fake-model-answers.js';
import { measure, researcherOne, researcherTwo, shout, synthesiser } from '../engine/fixture-agents.js';
import { startModelHarness, type ModelHarness } from '../model/model-harness.js';

/**
 * The run inspector in a real headless Chromium (Debian's, driven by playwright-core), served
 * over HTTP by the inspector route on the engine, Redis, PostgreSQL and a fake Messages API:
 * sign in with the token, open runs, see their graph, parallel timeline and step data, decide
 * approvals and watch the run resume, retry and discard dead letters, read the metrics.
 */
const CHROMIUM = '/usr/bin/chromium';
const IN_CI = (process.env['CI'] ?? '') !== '';
const CAN_RUN = existsSync(CHROMIUM) || IN_CI;
const SCREENSHOTS = path.resolve('test-output/inspector');
const TOKEN = 'inspector-test-token-0123456789';
const REVIEWER = 'alice@acme.example';
// The closed network refuses Chromium's own background connections; these flags stop it trying.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const Text = z.object({ text: z.string() });
const workflows = [
  defineWorkflow({ name: 'research', version: '1', description: 'fan-out', input: z.object({ topic: z.string() }), root: fanOut('research', { branches: { one: step(researcherOne), two: step(researcherTwo) }, merge: synthesiser, branchTimeoutMs: 5_000 }) }),
  defineWorkflow({ name: 'shout_with_approval', version: '1', description: 'gate', input: Text, root: pipeline('main', [step(shout), gate('approve', 'send_sequence')]) }),
  defineWorkflow({ name: 'shout_and_measure', version: '1', description: 'pipeline', input: Text, root: pipeline('main', [step(shout), step(measure)]) }),
];

let model: ModelHarness;
let harness: EngineHarness;
let server: RunningHttpServer;
let browser: Browser;
let page: Page;

describe.skipIf(!CAN_RUN)(`the run inspector in headless Chromium${CAN_RUN ? '' : ` (skipped: ${CHROMIUM} is absent; apt-get install -y chromium)`}`, () => {
  beforeAll(async () => {
    model = await startModelHarness();
    answerLikeSimulators(model.fake, [shout, measure, synthesiser]);
    // Research branches take 400 ms each, so running in parallel shows on the timeline.
    for (const agent of [researcherOne, researcherTwo]) {
      model.fake.respond(toolOf(agent), (request) => ({ delayMs: 400, then: { reply: agent.simulate(agent.input.parse(inputOf(request))) } }));
    }
    harness = await createEngineHarness({ workflows, model: model.client });
    harness.startWorker(4);
    const metrics = createMetricsCollector({ sql: harness.store.sql });
    const inspector = createInspectorRoute({
      engine: harness.engine,
      metrics: (input) => metrics.collect(input),
      access: { tokens: [{ token: TOKEN, identity: { id: REVIEWER, groups: [] } }], openWithoutToken: false },
    });
    server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [inspector], logger: createLogger({ level: 'silent' }) });
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
    await harness.close();
    await model.close();
  });

  /** Reloads the run page (as its own refresh would) until the run shows `status`. */
  async function waitForRunStatus(status: string): Promise<void> {
    await expect.poll(async () => {
      await page.reload();
      return page.locator('#run-summary').getAttribute('data-run-status');
    }, { timeout: 15_000, interval: 250 }).toBe(status);
  }

  it('asks for the token, refuses a wrong one, and signs in with the right one', { timeout: 30_000 }, async () => {
    const first = await page.goto(`${server.url}/inspector`);
    expect(first?.status()).toBe(401);
    await page.fill('input[name=token]', 'not-the-token-at-all');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('.notice')).toContain('not one this server accepts');
    await page.fill('input[name=token]', TOKEN);
    await page.click('button[type=submit]');
    await page.waitForSelector('table#runs');
    expect(new URL(page.url()).pathname).toBe('/inspector');
  });

  it('opens a fan-out run: its graph with each step\'s status, branches side by side on the timeline, each step\'s input and output', { timeout: 30_000 }, async () => {
    const { runId } = await harness.engine.start('research', { topic: 'acme' });
    await harness.waitFor(runId, ['succeeded']);
    await page.goto(`${server.url}/inspector`);
    await page.click(`a[href="/inspector/runs/${runId}"]`);
    await page.waitForSelector('#graph');
    for (const key of ['research/one', 'research/two', 'research/merge']) {
      expect(await page.getAttribute(`#graph [data-step-key="${key}"]`, 'data-status')).toBe('succeeded');
    }
    const bar = async (name: string) => {
      const row = page.locator(`#timeline .row[data-step="${name}"]`);
      const start = Number(await row.getAttribute('data-start-offset-ms'));
      return { start, end: start + Number(await row.getAttribute('data-duration-ms')) };
    };
    const [one, two, merge] = [await bar('research/one'), await bar('research/two'), await bar('research/merge')];
    // Parallel: each branch started before the other ended; the merge came after both.
    expect(one.start).toBeLessThan(two.end);
    expect(two.start).toBeLessThan(one.end);
    expect(merge.start).toBeGreaterThanOrEqual(Math.max(one.end, two.end) - 5);
    expect(one.end - one.start).toBeGreaterThanOrEqual(350);
    await page.click('summary:has-text("Input and output of research/one")');
    expect(await page.textContent('#steps')).toContain('researcher-one on acme');
    expect(await page.textContent('#run-output')).toContain('researcher-one on acme; researcher-two on acme');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'fan-out-run.png'), fullPage: true });
  });

  it('filters to a run waiting for a person, approves it, and the run resumes to the end', { timeout: 45_000 }, async () => {
    const { runId } = await harness.engine.start('shout_with_approval', { text: 'hello browser' });
    await harness.waitFor(runId, ['waiting_for_human']);
    await page.goto(`${server.url}/inspector`);
    await page.selectOption('select[name=status]', 'waiting_for_human');
    await page.click('form.filters button');
    await page.waitForURL(/status=waiting_for_human/);
    expect(await page.locator('#runs tr[data-run-id]').count()).toBe(1);
    await page.click(`a[href="/inspector/runs/${runId}"]`);
    expect(await page.getAttribute('#steps tr[data-step="main/shout"]', 'data-status')).toBe('succeeded');
    expect(await page.getAttribute('#graph [data-step-key="main/approve"]', 'data-status')).toBe('waiting_for_human');
    expect(await page.textContent('section.approval')).toContain('HELLO BROWSER');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'run-waiting-for-approval.png'), fullPage: true });
    await page.click('section.approval button[name=approve]');
    await expect.poll(() => page.textContent('.notice')).toContain(`Approval approved by ${REVIEWER}`);
    await waitForRunStatus('succeeded');
    expect(await page.getAttribute('#graph [data-step-key="main/approve"]', 'data-status')).toBe('succeeded');
    const [approval] = await harness.engine.listApprovals({ runId });
    expect(approval).toMatchObject({ status: 'approved', decidedBy: REVIEWER });
    // The audit names the reviewer and that the decision came through the web page.
    const { rows } = await harness.store.sql.query<{ actor: string }>(`SELECT actor FROM audit_log WHERE run_id = $1 AND action LIKE 'approval.%'`, [runId]);
    expect(rows).toEqual([{ actor: `web:${REVIEWER}` }]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'run-resumed.png'), fullPage: true });
  });

  it('edits one pending item and rejects another from the approvals inbox', { timeout: 45_000 }, async () => {
    const edited = (await harness.engine.start('shout_with_approval', { text: 'edit me' })).runId;
    const rejected = (await harness.engine.start('shout_with_approval', { text: 'reject me' })).runId;
    await harness.waitFor(edited, ['waiting_for_human']);
    await harness.waitFor(rejected, ['waiting_for_human']);
    await page.goto(`${server.url}/inspector/approvals`);
    const editCard = page.locator(`section.approval:has(a[href="/inspector/runs/${edited}"])`);
    await editCard.locator('summary:has-text("Edit")').click();
    await editCard.locator('textarea[name=payload]').fill(JSON.stringify({ text: 'EDITED BY A PERSON', confidence: 1 }));
    await editCard.locator('button[name=edit]').click();
    await expect.poll(() => page.textContent('.notice')).toContain('Approval edited');
    const rejectCard = page.locator(`section.approval:has(a[href="/inspector/runs/${rejected}"])`);
    await rejectCard.locator('input[name=reason]').fill('off brand');
    await rejectCard.locator('button[name=reject]').click();
    await expect.poll(() => page.textContent('.notice')).toContain('Approval rejected');
    expect((await harness.waitFor(edited, ['succeeded'])).output).toMatchObject({ text: 'EDITED BY A PERSON' });
    expect((await harness.waitFor(rejected, ['failed'])).error).toMatchObject({ code: 'rejected' });
    expect(await page.textContent('main')).toContain('Nothing is waiting for a decision.');
  });

  it('retries one dead letter (its run then finishes) and discards another', { timeout: 45_000 }, async () => {
    model.fake.script(toolOf(measure), { error: 400, message: 'bad request' }, { error: 400, message: 'bad request' });
    const retried = (await harness.engine.start('shout_and_measure', { text: 'retry me' })).runId;
    await harness.waitFor(retried, ['partial']);
    const discarded = (await harness.engine.start('shout_and_measure', { text: 'discard me' })).runId;
    await harness.waitFor(discarded, ['partial']);
    await page.goto(`${server.url}/inspector/dead-letters`);
    const row = (runId: string) => page.locator(`#dead-letters tr:has(a[href="/inspector/runs/${runId}"])`);
    expect(await row(retried).textContent()).toContain('model_request_rejected');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dead-letters.png'), fullPage: true });
    await row(retried).locator('button:has-text("Retry")').click();
    await expect.poll(() => page.textContent('.notice')).toContain('retried');
    await row(discarded).locator('button:has-text("Discard")').click();
    await expect.poll(() => page.textContent('.notice')).toContain('discarded');
    expect(await row(discarded).locator('[data-status]').getAttribute('data-status')).toBe('discarded');
    expect(await row(retried).locator('[data-status]').getAttribute('data-status')).toBe('retried');
    expect((await harness.waitFor(retried, ['succeeded'])).output).toEqual({ text: 'RETRY ME', length: 8 });
    expect((await harness.engine.getRun(discarded)).status).toBe('partial');
  });

  it('shows the metrics overview with its figures and small charts', { timeout: 30_000 }, async () => {
    await page.goto(`${server.url}/inspector/metrics`);
    expect(await page.textContent('#metrics tr[data-workflow="shout_with_approval"]')).toContain('33.3%');
    expect(await page.locator('#metrics tr[data-workflow="total"]').count()).toBe(1);
    expect(await page.locator('.chart svg').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'metrics.png'), fullPage: true });
  });
});
