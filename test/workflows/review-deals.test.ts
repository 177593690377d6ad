import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyAgent } from '../../agents/runtime/agent-definition.js';
import { sampleId } from '../../crm/seed/sample-ids.js';
import { SAMPLE_OPPORTUNITIES } from '../../crm/seed/sample-opportunities.js';
import { alertsRequest } from '../../src/contracts/alert-request.js';
import { OpenPipelineSchema } from '../../src/contracts/open-pipeline.js';
import type { RunDetail } from '../../src/store/index.js';
import { REVIEW_INPUT, REVIEW_NOW, startReviewDealsHarness, type ReviewDealsHarness } from './review-deals-harness.js';

let review: ReviewDealsHarness;
beforeAll(async () => {
  review = await startReviewDealsHarness();
}, 60_000);
afterAll(async () => {
  await review.close();
});

/** The seed's open deals whose close date is already behind them, and those idle for 30 days or more. */
const SLIPPING = SAMPLE_OPPORTUNITIES.flatMap((row, index) => (row[4] < 0 ? [sampleId('Opportunity', index + 1)] : []));
const STALLED = SAMPLE_OPPORTUNITIES.flatMap((row, index) => (row[5] >= 30 ? [sampleId('Opportunity', index + 1)] : []));

function outputAt(run: RunDetail, key: string): unknown {
  const step = run.steps.find((entry) => entry.name === key && entry.status === 'succeeded');
  if (step === undefined) throw new Error(`run ${run.id} has no succeeded step ${key}: ${run.steps.map((entry) => `${entry.name}:${entry.status}`).join(', ')}`);
  return step.output;
}

function agentAt(key: string): AnyAgent {
  const node = review.workflow.shapes.get(key)?.node;
  if (node?.kind !== 'step') throw new Error(`${key} is not an agent step`);
  return node.agent;
}

describe('review_deals end to end on the seeded CRM, through BullMQ, Redis and PostgreSQL', () => {
  let run: RunDetail;

  beforeAll(async () => {
    const { runId } = await review.harness.engine.start('review_deals', REVIEW_INPUT);
    run = await review.harness.waitFor(runId, ['succeeded', 'failed', 'partial'], 30_000);
  }, 40_000);

  it('succeeds, each step\'s output being valid input for the next one', () => {
    expect(run.status).toBe('succeeded');
    const pipeline = OpenPipelineSchema.parse(outputAt(run, 'review/read-pipeline'));
    expect(pipeline.review).toMatchObject({ asOf: '2026-11-20', timeZone: 'America/New_York', source: { source: 'embedded-crm', observedAt: REVIEW_NOW.toISOString(), confidence: 1 } });
    expect(pipeline.deals).toHaveLength(SAMPLE_OPPORTUNITIES.length);
    let previous: unknown = pipeline;
    for (const key of ['review/inspect', 'review/forecast', 'review/report/alert/summarise']) {
      const agent = agentAt(key);
      expect(agent.input.safeParse(previous).error, `${key} accepts what came before it`).toBeUndefined();
      previous = agent.output.parse(outputAt(run, key));
    }
    expect(alertsRequest.input.parse(previous)).toMatchObject({ alerts: expect.any(Array) });
    expect(agentAt('review/report/audit/comp-audit').input.safeParse(outputAt(run, 'review/forecast')).error, 'the comp audit accepts the forecast').toBeUndefined();
    const risk = alertsRequest.output.parse(outputAt(run, 'review/report/alert/publish'));
    const comp = alertsRequest.output.parse(outputAt(run, 'review/report/audit/publish'));
    expect(run.output).toEqual({ eventIds: [...risk.eventIds, ...comp.eventIds], alerts: [...risk.alerts, ...comp.alerts] });
  });

  it('publishes the reps\' and managers\' alerts before the comp audit starts, so an audit never holds them back', () => {
    const published = run.steps.find((entry) => entry.name === 'review/report/alert/publish');
    const audit = run.steps.find((entry) => entry.name === 'review/report/audit/comp-audit');
    expect(published?.finishedAt ?? null).not.toBeNull();
    expect(audit?.createdAt ?? null).not.toBeNull();
    expect(Date.parse(audit?.createdAt ?? '')).toBeGreaterThanOrEqual(Date.parse(published?.finishedAt ?? 'x'));
    expect(alertsRequest.output.parse(outputAt(run, 'review/report/alert/publish')).alerts.map((alert) => alert.kind)).not.toContain('comp_audit');
  });

  it('reads each deal with its account, contacts, owner and the owner\'s manager', () => {
    const { deals } = OpenPipelineSchema.parse(outputAt(run, 'review/read-pipeline'));
    const first = deals.find((deal) => deal.id === sampleId('Opportunity', 1));
    expect(first).toMatchObject({
      name: 'Northwind Logistics - Fleet Platform', stage: 'Negotiation', amount: 420_000, probability: 75, closeDate: '2026-12-02', lastActivityDate: '2026-11-18',
      account: { name: 'Northwind Logistics', type: 'Customer' }, owner: { name: 'Priya Raman', managerName: 'Grace Whitfield' },
    });
    expect(first?.contacts.map((contact) => contact.title)).toEqual(['Chief Revenue Officer', 'VP of Sales']);
  });

  it('flags every slipping and every stalled seed deal for that reason', () => {
    const { flaggedDeals } = agentAt('review/inspect').output.parse(outputAt(run, 'review/inspect')) as { flaggedDeals: { opportunityId: string; issues: { kind: string }[] }[] };
    const kindsOf = new Map(flaggedDeals.map((deal) => [deal.opportunityId, deal.issues.map((issue) => issue.kind)]));
    expect(SLIPPING).toHaveLength(3);
    expect(STALLED).toHaveLength(4);
    for (const id of SLIPPING) expect(kindsOf.get(id), id).toContain('close_date_passed');
    for (const id of STALLED) expect(kindsOf.get(id), id).toContain('stalled');
    const forecasts = (outputAt(run, 'review/forecast') as { forecasts: { opportunityId: string }[] }).forecasts;
    expect(forecasts.map((forecast) => forecast.opportunityId).sort()).toEqual([...kindsOf.keys()].sort());
  });

  it('audits every flagged deal for commission problems', () => {
    const { flaggedDeals, compAudit } = outputAt(run, 'review/report/audit/comp-audit') as { flaggedDeals: { opportunityId: string }[]; compAudit: { audits: { opportunityId: string }[]; checkedDeals: number } };
    expect(compAudit.audits.map((audit) => audit.opportunityId)).toEqual(flaggedDeals.map((deal) => deal.opportunityId));
    expect(compAudit.checkedDeals).toBe(flaggedDeals.length);
  });

  it('publishes one alert.requested per rep with flagged deals, per manager and for the deal desk, each exactly once', async () => {
    const { deals } = OpenPipelineSchema.parse(outputAt(run, 'review/read-pipeline'));
    const { flaggedDeals } = outputAt(run, 'review/inspect') as { flaggedDeals: { ownerId: string }[] };
    const reps = new Set(flaggedDeals.map((deal) => deal.ownerId));
    const managers = new Set(deals.map((deal) => deal.owner.managerId));
    const events = await review.alertEvents();
    const published = events.map((entry) => entry.alert);
    expect(published.filter((alert) => alert.kind === 'deal_risk').map((alert) => alert.audience.kind === 'user' && alert.audience.userId).sort()).toEqual([...reps].sort());
    expect(published.filter((alert) => alert.kind === 'manager_rollup').map((alert) => alert.audience.kind === 'user' && alert.audience.userId).sort()).toEqual([...managers].sort());
    expect(published.filter((alert) => alert.kind === 'comp_audit').map((alert) => alert.audience)).toEqual([{ kind: 'channel', channel: 'deal-desk' }]);
    expect(new Set(events.map((entry) => entry.id)).size).toBe(events.length);
    for (const entry of events) expect(entry.traceId).toBe(run.traceId);
    for (const alert of published) expect(alert.step).toBe(alert.kind === 'comp_audit' ? 'review/report/audit/publish' : 'review/report/alert/publish');
    expect(published.every((alert) => alert.runId === run.id)).toBe(true);
  });

  it('publishes nothing more when a publish step is delivered again', async () => {
    const before = await review.alertEvents();
    const publish = review.effects['effect:alerts.request'];
    expect(publish).toBeDefined();
    for (const key of ['review/report/alert/publish', 'review/report/audit/publish']) {
      const step = run.steps.find((entry) => entry.name === key);
      expect(step?.status).toBe('succeeded');
      await publish?.run(step?.input, { runId: run.id, traceId: run.traceId, stepKey: key, idempotencyKey: `${run.id}:${key}` });
    }
    expect((await review.alertEvents()).map((entry) => entry.id).sort()).toEqual(before.map((entry) => entry.id).sort());
  });
});
