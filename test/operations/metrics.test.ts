import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { createCircuitBreakers } from '../../src/engine/breakers/index.js';
import { createMetricsSources, type OpenedMetricsSources } from '../../src/main/metrics-sources.js';
import { createMetricsCollector, createPrometheusExporter, type MetricsSnapshot, type WorkflowMetrics } from '../../src/metrics/index.js';
import { createEngineHarness, type EngineHarness } from '../engine/engine-harness.js';
import { answerLikeSimulators, toolOf } from '../engine/fake-model-answers.js';
import { drafter, measure, reviewer, shout } from '../engine/fixture-agents.js';
import { startModelHarness, type ModelHarness } from '../model/model-harness.js';
import { metricsPolicies, metricsWorkflows } from './metrics-fixture.js';

/**
 * Runs with outcomes chosen in advance (a clean pipeline, a repaired answer, an invalid one, a
 * rejected model call, critic loops of one, two and three rounds, three decisions, a gate
 * settled by policy, known change-set conflicts), then each metric checked against them.
 */
let model: ModelHarness;
let harness: EngineHarness;
let sources: OpenedMetricsSources;
let snapshot: MetricsSnapshot;
const runs: Record<string, string> = {};
const REVIEWER = { id: 'U1', via: 'cli' } as const;

async function finish(name: string, workflow: string, input: unknown, statuses: readonly string[]): Promise<string> {
  const { runId } = await harness.engine.start(workflow, input);
  await harness.waitFor(runId, statuses);
  runs[name] = runId;
  return runId;
}

async function decidePending(runId: string, decision: Parameters<EngineHarness['engine']['decide']>[0]['decision'], settled: readonly string[]): Promise<void> {
  const [approval] = await harness.engine.listApprovals({ runId, status: 'pending' });
  if (approval === undefined) throw new Error(`run ${runId} has no pending approval`);
  await harness.engine.decide({ approvalId: approval.id, fingerprint: approval.fingerprint, decision, reviewer: REVIEWER });
  await harness.waitFor(runId, settled);
}

async function setRunLatency(runId: string, seconds: number): Promise<void> {
  await harness.store.sql.query('UPDATE runs SET created_at = finished_at - make_interval(secs => $2) WHERE id = $1', [runId, seconds]);
}

async function setTurnaround(runId: string, seconds: number): Promise<void> {
  await harness.store.sql.query('UPDATE approvals SET requested_at = decided_at - make_interval(secs => $2) WHERE run_id = $1', [runId, seconds]);
}

async function insertChangeSet(runId: string, status: string, conflicts: readonly unknown[]): Promise<void> {
  await harness.store.sql.query(
    `INSERT INTO crm_change_sets (id, run_id, trace_id, agent, agent_version, confidence, record_type, record_id, changes, expected_last_modified, status, decision, idempotency_key)
     VALUES ($1, $2, $2, 'shout', '1', 0.9, 'Contact', '003A', '[]'::jsonb, now(), $3, $4::jsonb, $1)`,
    [crypto.randomUUID(), runId, status, JSON.stringify({ conflicts })],
  );
}

beforeAll(async () => {
  model = await startModelHarness();
  answerLikeSimulators(model.fake, [shout, measure, drafter, reviewer]);
  harness = await createEngineHarness({ workflows: metricsWorkflows, model: model.client, policies: metricsPolicies });
  harness.startWorker();
  await finish('clean', 'shout_and_measure', { text: 'clean' }, ['succeeded']);
  model.fake.script(toolOf(shout), { reply: { text: 42 } });
  await finish('repaired', 'shout_and_measure', { text: 'repaired' }, ['succeeded']);
  model.fake.script(toolOf(shout), { reply: { text: 42 } }, { reply: { text: 43 } });
  await decidePending(await finish('invalid', 'shout_and_measure', { text: 'invalid' }, ['waiting_for_human']), { decision: 'reject', reason: 'nonsense' }, ['failed']);
  model.fake.script(toolOf(measure), { error: 400, message: 'bad request' });
  await finish('refused', 'shout_and_measure', { text: 'refused' }, ['partial']);
  await finish('one-round', 'draft', { topic: 'pass at 1' }, ['succeeded']);
  await finish('two-rounds', 'draft', { topic: 'pass at 2' }, ['succeeded']);
  await decidePending(await finish('escalated', 'draft', { topic: 'never good' }, ['waiting_for_human']), { decision: 'approve' }, ['succeeded']);
  await decidePending(await finish('approved', 'shout_with_approval', { text: 'a' }, ['waiting_for_human']), { decision: 'approve' }, ['succeeded']);
  await decidePending(await finish('edited', 'shout_with_approval', { text: 'b' }, ['waiting_for_human']), { decision: 'edit', payload: { text: 'B!', confidence: 1 } }, ['succeeded']);
  await decidePending(await finish('rejected', 'shout_with_approval', { text: 'c' }, ['waiting_for_human']), { decision: 'reject', reason: 'off brand' }, ['failed']);
  await finish('policy', 'shout_low_risk', { text: 'd' }, ['succeeded']);
  for (const [name, seconds] of [['clean', 1], ['repaired', 2], ['invalid', 3], ['refused', 4]] as const) await setRunLatency(runs[name]!, seconds);
  for (const [name, seconds] of [['approved', 10], ['edited', 20], ['rejected', 60]] as const) await setTurnaround(runs[name]!, seconds);
  await insertChangeSet(runs['clean']!, 'applied', []);
  await insertChangeSet(runs['clean']!, 'superseded', [{ field: 'Title' }]);
  await insertChangeSet(runs['repaired']!, 'applied', [{ field: 'Title' }]);
  await insertChangeSet(runs['repaired']!, 'applied', []);

  // Two events waiting, the older put there 30 s ago; one breaker open.
  const events = new Queue('events', { connection: harness.redis, prefix: harness.prefix });
  await events.add('lead.created', {}, { timestamp: Date.now() - 30_000 });
  await events.add('lead.created', {});
  await events.close();
  const breakers = createCircuitBreakers({ redis: harness.redis, prefix: `${harness.prefix}:breakers:`, settings: { failureThreshold: 1 } });
  await breakers.recordFailure(['agent:shout']);
  sources = createMetricsSources({ redis: harness.redis, prefix: harness.prefix, breakers });
  const collector = createMetricsCollector({ sql: harness.store.sql, sources, startedAt: new Date(Date.now() - 90_000) });
  snapshot = await collector.collect({ since: '24h' });
}, 60_000);

afterAll(async () => {
  await sources.close();
  await harness.close();
  await model.close();
});

function workflow(name: string): WorkflowMetrics {
  const found = snapshot.workflows.find((entry) => entry.workflow === name);
  if (found === undefined) throw new Error(`no metrics for ${name}: ${snapshot.workflows.map((entry) => entry.workflow).join(', ')}`);
  return found;
}

describe('metrics from runs with known outcomes', () => {
  it('counts runs by status and measures end-to-end latency percentiles', () => {
    const pipeline = workflow('shout_and_measure');
    expect(pipeline.runs).toBe(4);
    expect(pipeline.byStatus).toMatchObject({ succeeded: 2, failed: 1, partial: 1, waiting_for_human: 0 });
    // 1, 2, 3 and 4 seconds: the median between 2 and 3, p95 85% of the way from 3 to 4.
    expect(pipeline.latencyMs.p50).toBeCloseTo(2_500, 3);
    expect(pipeline.latencyMs.p95).toBeCloseTo(3_850, 3);
    expect(snapshot.total.runs).toBe(11);
  });

  it('counts a checkpoint pass only for answers valid the first time', () => {
    // clean 2, repaired 1 + 1, invalid 1, refused 1 (+ a refused call that never reached validation).
    expect(workflow('shout_and_measure').checkpoint).toEqual({ validated: 6, passedFirstTime: 4, repaired: 1, invalid: 1, passRate: 4 / 6 });
    const shoutAgent = snapshot.agents.find((agent) => agent.agent === 'shout');
    expect(shoutAgent?.checkpoint).toEqual({ validated: 8, passedFirstTime: 6, repaired: 1, invalid: 1, passRate: 6 / 8 });
    expect(snapshot.agents.find((agent) => agent.agent === 'measure')).toMatchObject({ steps: 3, succeeded: 2, failed: 1, checkpoint: { validated: 2, passRate: 1 } });
    expect(snapshot.total.checkpoint).toMatchObject({ validated: 22, passedFirstTime: 20 });
  });

  it('measures the critic pass rate and mean iterations of producer-critic loops', () => {
    expect(workflow('draft').critic).toEqual({ loops: 3, passed: 2, passRate: 2 / 3, meanIterations: 2 });
    expect(workflow('shout_and_measure').critic).toEqual({ loops: 0, passed: 0, passRate: null, meanIterations: null });
  });

  it('counts human intervention: approvals that waited for a person and dead letters, not policy-settled gates', () => {
    expect(workflow('shout_and_measure').humanIntervention).toEqual({ runs: 2, rate: 0.5 });
    expect(workflow('draft').humanIntervention).toEqual({ runs: 1, rate: 1 / 3 });
    expect(workflow('shout_with_approval').humanIntervention).toEqual({ runs: 3, rate: 1 });
    expect(workflow('shout_low_risk').humanIntervention).toEqual({ runs: 0, rate: 0 });
    expect(snapshot.total.humanIntervention).toEqual({ runs: 6, rate: 6 / 11 });
  });

  it('measures approval turnaround and the approve, edit and reject shares of decisions by people', () => {
    const approvals = workflow('shout_with_approval').approvals;
    expect(approvals).toMatchObject({ decided: 3, approved: 1, edited: 1, rejected: 1, pending: 0, shares: { approve: 1 / 3, edit: 1 / 3, reject: 1 / 3 } });
    expect(approvals.turnaroundMs.p50).toBeCloseTo(20_000, 3);
    expect(approvals.turnaroundMs.p95).toBeCloseTo(56_000, 3);
    expect(workflow('shout_low_risk').approvals.decided).toBe(0);
    expect(snapshot.total.approvals).toMatchObject({ decided: 5, approved: 2, edited: 1, rejected: 2 });
  });

  it('measures the conflict rate of CRM change sets', () => {
    expect(workflow('shout_and_measure').conflicts).toEqual({ changeSets: 4, conflicted: 2, rate: 0.5 });
    expect(workflow('draft').conflicts.rate).toBeNull();
  });

  it('adds up cost per run and per day from what the steps recorded', async () => {
    const { rows } = await harness.store.sql.query<{ name: string; total: string; finished: string }>(
      `SELECT name, sum(cost_usd) AS total, avg(cost_usd) FILTER (WHERE finished_at IS NOT NULL) AS finished FROM runs GROUP BY name`,
    );
    const costs = new Map(rows.map((row) => [row.name, row]));
    expect(workflow('draft').costUsd).toBeGreaterThan(0);
    expect(workflow('draft').costUsd).toBeCloseTo(Number(costs.get('draft')?.total), 9);
    expect(workflow('draft').costPerRunUsd).toBeCloseTo(Number(costs.get('draft')?.finished), 9);
    const { rows: [steps] } = await harness.store.sql.query<{ total: string }>('SELECT sum(cost_usd) AS total FROM steps');
    expect(snapshot.costPerDay.reduce((sum, day) => sum + day.costUsd, 0)).toBeCloseTo(Number(steps?.total), 9);
    expect(snapshot.costPerDay.at(-1)?.day).toBe(new Date().toISOString().slice(0, 10));
  });

  it('reports dead letters, queue depth and age, breaker states and uptime', () => {
    expect(snapshot.deadLetters).toEqual({ open: 1, createdInWindow: 1 });
    const events = snapshot.queues.find((queue) => queue.queue === 'events');
    expect(events).toMatchObject({ waiting: 2, active: 0 });
    expect(events?.oldestWaitingAgeMs).toBeGreaterThanOrEqual(30_000);
    expect(events?.oldestWaitingAgeMs).toBeLessThan(60_000);
    expect(snapshot.queues.find((queue) => queue.queue === 'steps')).toMatchObject({ waiting: 0, active: 0, oldestWaitingAgeMs: null });
    expect(snapshot.breakers).toEqual([{ name: 'agent:shout', state: 'open', consecutiveFailures: 1 }]);
    expect(snapshot.uptime.processSeconds).toBeGreaterThanOrEqual(90);
    expect(snapshot.uptime.redisSeconds).toBeGreaterThan(0);
  });

  it('narrows to one workflow, and refuses a malformed window naming the field', async () => {
    const collector = createMetricsCollector({ sql: harness.store.sql });
    const narrowed = await collector.collect({ since: '2h', workflow: 'draft' });
    expect(narrowed.workflows.map((entry) => entry.workflow)).toEqual(['draft']);
    expect(narrowed.total.runs).toBe(3);
    await expect(collector.collect({ since: 'yesterday' })).rejects.toThrow(/since: must be a span such as 90m, 24h or 7d/);
  });
});

describe('the Prometheus exposition', () => {
  it('parses with a Prometheus text-format parser and carries the same figures, with bounded labels', async () => {
    const exporter = createPrometheusExporter();
    const text = await exporter.render(snapshot);
    expect(exporter.contentType).toContain('text/plain');
    const families = parsePrometheusTextFormat(text);
    const family = (name: string) => {
      const found = families.find((entry) => entry.name === name);
      if (found === undefined) throw new Error(`no ${name} in the exposition`);
      return found;
    };
    const value = (name: string, labels: Record<string, string>) => family(name).metrics.find((metric) => Object.entries(labels).every(([key, wanted]) => metric.labels?.[key] === wanted))?.value;
    expect(family('baton_runs').type).toBe('GAUGE');
    expect(Number(value('baton_runs', { workflow: 'shout_and_measure', status: 'partial' }))).toBe(1);
    expect(Number(value('baton_checkpoint_pass_ratio', { workflow: 'shout_and_measure' }))).toBeCloseTo(4 / 6, 6);
    expect(Number(value('baton_run_latency_seconds', { workflow: 'shout_and_measure', quantile: '0.5' }))).toBeCloseTo(2.5, 6);
    expect(Number(value('baton_approval_turnaround_seconds', { workflow: 'shout_with_approval', quantile: '0.95' }))).toBeCloseTo(56, 6);
    expect(Number(value('baton_critic_iterations_mean', { workflow: 'draft' }))).toBe(2);
    expect(Number(value('baton_breaker_state', { breaker: 'agent:shout', state: 'open' }))).toBe(1);
    expect(Number(value('baton_queue_jobs', { queue: 'events', state: 'waiting' }))).toBe(2);
    expect(Number(value('baton_dead_letters_open', {}))).toBe(1);
    expect(family('baton_process_cpu_seconds_total').type).toBe('COUNTER');
    // No series is labelled by something unbounded such as a run id.
    const labelValues = families.flatMap((entry) => entry.metrics.flatMap((metric) => Object.values(metric.labels ?? {})));
    expect(labelValues.filter((label) => Object.values(runs).includes(label))).toEqual([]);
    // A rate with nothing measured is absent, not 0.
    expect(value('baton_critic_pass_ratio', { workflow: 'shout_and_measure' })).toBeUndefined();
  });
});
