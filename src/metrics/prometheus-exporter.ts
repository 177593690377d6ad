import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { MetricsSnapshot, Percentiles, WorkflowMetrics } from './metrics-snapshot.js';

export interface PrometheusExporter {
  readonly contentType: string;
  /** The snapshot in Prometheus' text format, with the process metrics of prom-client. */
  render(snapshot: MetricsSnapshot): Promise<string>;
}

type GaugeName = keyof typeof GAUGES;

/**
 * Gauges, not counters: each scrape reports the window the snapshot covers, read from the store,
 * so every process serving `/metrics` reports the same numbers. Labels are bounded: workflow,
 * agent, breaker and queue names come from code and settings, statuses from closed lists; never
 * a run id.
 */
const GAUGES = {
  baton_runs: { help: 'Workflow runs created in the window, by status', labels: ['workflow', 'status'] },
  baton_run_latency_seconds: { help: 'End-to-end run latency (creation to final status) over runs finished in the window', labels: ['workflow', 'quantile'] },
  baton_checkpoint_pass_ratio: { help: 'Share of agent answers valid at the first answer (no repair, no person)', labels: ['workflow'] },
  baton_conflict_ratio: { help: 'Share of CRM change sets that collided with another write to the same record', labels: ['workflow'] },
  baton_human_intervention_ratio: { help: 'Share of runs that needed a person (an approval that waited, or a dead letter)', labels: ['workflow'] },
  baton_critic_pass_ratio: { help: 'Share of producer-critic loops the critic passed within the cap', labels: ['workflow'] },
  baton_critic_iterations_mean: { help: 'Mean rounds per producer-critic loop', labels: ['workflow'] },
  baton_approval_turnaround_seconds: { help: "From an approval's request to a person's decision", labels: ['workflow', 'quantile'] },
  baton_approval_decisions: { help: 'Decisions taken by people in the window', labels: ['workflow', 'decision'] },
  baton_approval_decision_ratio: { help: 'Share of approve, edit and reject among decisions by people', labels: ['workflow', 'decision'] },
  baton_approvals_pending: { help: 'Approvals waiting for a person now', labels: ['workflow'] },
  baton_cost_usd: { help: 'Model spend of runs created in the window, US dollars', labels: ['workflow'] },
  baton_cost_per_run_usd: { help: 'Mean model spend per finished run, US dollars', labels: ['workflow'] },
  baton_cost_today_usd: { help: 'Model spend of the current UTC day, US dollars', labels: [] },
  baton_agent_steps: { help: 'Agent steps ended in the window, by outcome', labels: ['agent', 'status'] },
  baton_agent_checkpoint_pass_ratio: { help: "Share of an agent's answers valid at the first answer", labels: ['agent'] },
  baton_agent_step_latency_seconds: { help: 'Agent step latency', labels: ['agent', 'quantile'] },
  baton_agent_cost_usd: { help: "An agent's model spend in the window, US dollars", labels: ['agent'] },
  baton_agent_tokens: { help: "An agent's model tokens in the window", labels: ['agent', 'direction'] },
  baton_dead_letters_open: { help: 'Dead letters waiting for a retry or a discard', labels: [] },
  baton_dead_letters_created: { help: 'Dead letters created in the window', labels: [] },
  baton_queue_jobs: { help: 'Jobs in a queue, by state', labels: ['queue', 'state'] },
  baton_queue_oldest_waiting_age_seconds: { help: 'Age of the oldest job waiting in a queue', labels: ['queue'] },
  baton_breaker_state: { help: 'Circuit breaker state: 1 for the state it is in', labels: ['breaker', 'state'] },
  baton_breaker_consecutive_failures: { help: 'Consecutive failures counted by a circuit breaker', labels: ['breaker'] },
  baton_uptime_seconds: { help: 'Seconds since this process started', labels: [] },
  baton_redis_uptime_seconds: { help: 'Seconds since the Redis server (queues, event bus) started', labels: [] },
} as const satisfies Record<string, { help: string; labels: readonly string[] }>;

export function createPrometheusExporter(): PrometheusExporter {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'baton_' });
  const gauges = Object.fromEntries(
    Object.entries(GAUGES).map(([name, spec]) => [name, new Gauge({ name, help: spec.help, labelNames: [...spec.labels], registers: [registry] })]),
  ) as Record<GaugeName, Gauge>;
  // Two scrapes at once must not interleave one's reset with the other's values.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    contentType: registry.contentType,
    render(snapshot) {
      const rendering = queue.then(async () => {
        for (const gauge of Object.values(gauges)) gauge.reset();
        fill(gauges, snapshot);
        return registry.metrics();
      });
      queue = rendering.catch(() => undefined);
      return rendering;
    },
  };
}

function fill(gauges: Record<GaugeName, Gauge>, snapshot: MetricsSnapshot): void {
  const set = (name: GaugeName, labels: Record<string, string>, value: number | null) => {
    if (value !== null) gauges[name].set(labels, value);
  };
  const quantiles = (name: GaugeName, labels: Record<string, string>, values: Percentiles) => {
    set(name, { ...labels, quantile: '0.5' }, seconds(values.p50));
    set(name, { ...labels, quantile: '0.95' }, seconds(values.p95));
  };
  for (const workflow of snapshot.workflows) fillWorkflow(set, quantiles, workflow);
  for (const agent of snapshot.agents) {
    const labels = { agent: agent.agent };
    set('baton_agent_steps', { ...labels, status: 'succeeded' }, agent.succeeded);
    set('baton_agent_steps', { ...labels, status: 'failed' }, agent.failed);
    set('baton_agent_checkpoint_pass_ratio', labels, agent.checkpoint.passRate);
    quantiles('baton_agent_step_latency_seconds', labels, agent.latencyMs);
    set('baton_agent_cost_usd', labels, agent.costUsd);
    set('baton_agent_tokens', { ...labels, direction: 'input' }, agent.inputTokens);
    set('baton_agent_tokens', { ...labels, direction: 'output' }, agent.outputTokens);
  }
  const today = snapshot.window.until.slice(0, 10);
  set('baton_cost_today_usd', {}, snapshot.costPerDay.find((entry) => entry.day === today)?.costUsd ?? 0);
  set('baton_dead_letters_open', {}, snapshot.deadLetters.open);
  set('baton_dead_letters_created', {}, snapshot.deadLetters.createdInWindow);
  for (const queue of snapshot.queues) {
    for (const state of ['waiting', 'active', 'delayed', 'failed'] as const) set('baton_queue_jobs', { queue: queue.queue, state }, queue[state]);
    set('baton_queue_oldest_waiting_age_seconds', { queue: queue.queue }, seconds(queue.oldestWaitingAgeMs) ?? 0);
  }
  for (const breaker of snapshot.breakers) {
    for (const state of ['closed', 'open', 'half_open'] as const) set('baton_breaker_state', { breaker: breaker.name, state }, breaker.state === state ? 1 : 0);
    set('baton_breaker_consecutive_failures', { breaker: breaker.name }, breaker.consecutiveFailures);
  }
  set('baton_uptime_seconds', {}, snapshot.uptime.processSeconds);
  set('baton_redis_uptime_seconds', {}, snapshot.uptime.redisSeconds);
}

type Setter = (name: GaugeName, labels: Record<string, string>, value: number | null) => void;
type QuantileSetter = (name: GaugeName, labels: Record<string, string>, values: Percentiles) => void;

function fillWorkflow(set: Setter, quantiles: QuantileSetter, metrics: WorkflowMetrics): void {
  const labels = { workflow: metrics.workflow };
  for (const [status, count] of Object.entries(metrics.byStatus)) set('baton_runs', { ...labels, status }, count);
  quantiles('baton_run_latency_seconds', labels, metrics.latencyMs);
  set('baton_checkpoint_pass_ratio', labels, metrics.checkpoint.passRate);
  set('baton_conflict_ratio', labels, metrics.conflicts.rate);
  set('baton_human_intervention_ratio', labels, metrics.humanIntervention.rate);
  set('baton_critic_pass_ratio', labels, metrics.critic.passRate);
  set('baton_critic_iterations_mean', labels, metrics.critic.meanIterations);
  quantiles('baton_approval_turnaround_seconds', labels, metrics.approvals.turnaroundMs);
  for (const decision of ['approve', 'edit', 'reject'] as const) {
    const count = { approve: metrics.approvals.approved, edit: metrics.approvals.edited, reject: metrics.approvals.rejected }[decision];
    set('baton_approval_decisions', { ...labels, decision }, count);
    set('baton_approval_decision_ratio', { ...labels, decision }, metrics.approvals.shares[decision]);
  }
  set('baton_approvals_pending', labels, metrics.approvals.pending);
  set('baton_cost_usd', labels, metrics.costUsd);
  set('baton_cost_per_run_usd', labels, metrics.costPerRunUsd);
}

function seconds(milliseconds: number | null): number | null {
  return milliseconds === null ? null : milliseconds / 1000;
}
