import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountBriefSchema } from '../../agents/contracts/account-brief.js';
import type { AnyAgent } from '../../agents/index.js';
import { SAMPLE_ACCOUNTS } from '../../crm/seed/sample-accounts.js';
import { ALERT_REQUESTED, AlertRequestedEventSchema } from '../../src/contracts/alert-request.js';
import { FakeAnthropicServer } from '../fakes/fake-anthropic-server.js';
import type { RecordedRequest } from '../fakes/fake-anthropic-types.js';
import { createBatonHarness, type BatonHarness } from '../support/baton-harness.js';
import { handOffProblems } from '../support/hand-off-checks.js';

/** The agent's input as the runner sent it: the JSON fenced in `<input>` in the first user turn. */
function inputOf(request: RecordedRequest): unknown {
  const messages = (request.body as { messages: { content: unknown }[] }).messages;
  const text = typeof messages[0]?.content === 'string' ? messages[0].content : '';
  const json = /<input>\n([\s\S]*)\n<\/input>/.exec(text)?.[1];
  if (json === undefined) throw new Error(`no <input> in the request for ${request.toolName ?? '?'}`);
  return JSON.parse(json) as unknown;
}

const toolOf = (agent: AnyAgent) => `submit_${agent.name.replaceAll('-', '_')}`;

let fake: FakeAnthropicServer;
let harness: BatonHarness;
beforeAll(async () => {
  fake = new FakeAnthropicServer({ apiKey: 'sk-ant-test-key' });
  await fake.start();
  // One attempt of at most a second per call, so a model that never answers times its branch out quickly.
  harness = await createBatonHarness({
    label: 'gtm-real-model',
    stepWorkers: 2,
    env: { BATON_MODEL: 'anthropic', ANTHROPIC_API_KEY: 'sk-ant-test-key', ANTHROPIC_BASE_URL: fake.url, BATON_MODEL_TIMEOUT_MS: '1000', BATON_MODEL_MAX_ATTEMPTS: '1' },
  });
  // Every agent answers what a well-behaved model would (its own simulation), through the real SDK and wire format.
  for (const agent of harness.baton.agents.list()) fake.respond(toolOf(agent), (request) => ({ reply: agent.simulate(inputOf(request)) }));
});
afterAll(async () => {
  await harness.close();
  await fake.close();
});

describe('the GTM workflows against the Messages API (a protocol-faithful fake)', () => {
  it('research tolerates a branch whose model never answers: the brief is built from the rest and names the missing branch', { timeout: 60_000 }, async () => {
    const hiring = harness.baton.agents.get('hiring-research');
    fake.respond(toolOf(hiring), () => ({ delayMs: 30_000, then: { text: 'too late' } }));
    const [name, domain] = SAMPLE_ACCOUNTS[2]!;
    const run = await harness.waitFor((await harness.opened.engine.start('research_account', { account: { name, domain } })).runId, ['partial', 'succeeded', 'failed'], 30_000);
    expect(run.status).toBe('partial');
    expect(handOffProblems(run, harness.baton.agents)).toEqual([]);
    const brief = AccountBriefSchema.parse((run.output as { result: unknown }).result);
    expect(brief.missing).toEqual([{ branch: 'hiring', reason: expect.stringMatching(/model_timeout|timed out/i) }]);
    expect(brief.confidence).toBeLessThanOrEqual(0.7);
    expect(run.steps.find((step) => step.name === 'research/hiring')).toMatchObject({ status: 'failed' });
    expect(run.steps.filter((step) => step.status === 'succeeded').map((step) => step.name).sort()).toEqual(['research/funding', 'research/merge', 'research/signals', 'research/sources', 'research/techStack']);
  });

  it('escalates the cold sequence to a person after three failing QA rounds, with every round\'s findings attached', async () => {
    const writer = harness.baton.agents.get('email-writer');
    // A writer whose first email never drops a banned phrase: the house rules fail it every round, whatever the critic's model says.
    fake.respond(toolOf(writer), (request) => {
      const answer = writer.simulate(inputOf(request)) as { emails: { subject: string; body: string }[] };
      const round = fake.requestsFor(toolOf(writer)).length;
      const emails = answer.emails.map((email, index) => (index === 0 ? { ...email, body: `${email.body.replace(/ Real synergy, take \d+\.$/, '')} Real synergy, take ${round}.` } : email));
      return { reply: { ...answer, emails } };
    });
    const research = await harness.waitFor((await harness.opened.engine.start('research_account', { account: { name: SAMPLE_ACCOUNTS[3]![0], domain: SAMPLE_ACCOUNTS[3]![1] } })).runId, ['partial', 'succeeded'], 30_000);
    const brief = AccountBriefSchema.parse(research.status === 'partial' ? (research.output as { result: unknown }).result : research.output);
    const contacts = [{ name: 'Ada Byrne', title: 'VP of Sales', email: 'ada.byrne@maplefinch.example', company: SAMPLE_ACCOUNTS[3]![0] }];
    const { runId } = await harness.opened.engine.start('write_cold_sequence', { brief, contacts });
    await harness.waitFor(runId, ['waiting_for_human'], 30_000);
    const [approval] = await harness.opened.engine.listApprovals({ runId, status: 'pending' });
    expect(approval).toMatchObject({ kind: 'escalation', key: 'sequence/qa/escalation', action: 'review_escalation' });
    const findings = (approval!.context as { findings: { pass: boolean }[] }).findings;
    expect(findings).toHaveLength(3);
    expect(findings.every((finding) => !finding.pass)).toBe(true);
    expect(JSON.stringify(findings)).toMatch(/synergy/);
    expect(fake.requestsFor(toolOf(writer))).toHaveLength(3);
  });

  it('still sends the reps and managers their deal risk alerts when the comp audit\'s model fails', { timeout: 60_000 }, async () => {
    fake.respond(toolOf(harness.baton.agents.get('comp-auditor')), () => ({ error: 400, message: 'comp audit refused' }));
    const { runId } = await harness.opened.engine.start('review_deals', { timeZone: 'America/New_York' });
    const run = await harness.waitFor(runId, ['succeeded', 'failed', 'partial'], 45_000);
    expect(run.status).toBe('partial');
    expect(run.steps.find((step) => step.name === 'review/report/audit/comp-audit')).toMatchObject({ status: 'failed' });
    expect(run.steps.find((step) => step.name === 'review/report/alert/publish')).toMatchObject({ status: 'succeeded' });
    const alerts = (await harness.publishedEvents(ALERT_REQUESTED)).map(({ event }) => AlertRequestedEventSchema.parse(event.data)).filter((alert) => alert.runId === runId);
    expect(new Set(alerts.map((alert) => alert.kind))).toEqual(new Set(['deal_risk', 'manager_rollup']));
  });
});
