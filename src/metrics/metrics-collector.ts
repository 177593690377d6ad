import type { SqlClient } from '../store/index.js';
import { queryApprovalFigures, EMPTY_APPROVALS } from './approval-metrics-query.js';
import { EMPTY_CONFLICTS, queryConflictFigures } from './conflict-metrics-query.js';
import { EMPTY_CRITIC, queryCriticFigures } from './critic-metrics-query.js';
import type { AgentMetrics, BreakerSummary, MetricsSnapshot, QueueDepth, WorkflowMetrics } from './metrics-snapshot.js';
import { resolveMetricsWindow, type MetricsWindowInput } from './metrics-window.js';
import { ratio } from './metric-values.js';
import { queryRunFigures, TOTAL, type RunFigures } from './run-metrics-query.js';
import { EMPTY_CHECKPOINT, queryStepFigures } from './step-metrics-query.js';
import { queryCostPerDay, queryDeadLetters } from './store-totals-query.js';

/** What the queues and Redis know, behind ports so the core never imports BullMQ. */
export interface MetricsSources {
  queues?(): Promise<readonly QueueDepth[]>;
  breakers?(): Promise<readonly BreakerSummary[]>;
  redisUptimeSeconds?(): Promise<number | null>;
}

export interface MetricsCollectorOptions {
  readonly sql: SqlClient;
  readonly sources?: MetricsSources;
  /** When this process started; a CLI command has no uptime worth reporting and leaves it out. */
  readonly startedAt?: Date;
  readonly now?: () => Date;
}

export interface MetricsCollector {
  /** `{ since: '24h', workflow?: name }`; bad input is an `input_invalid` error naming the field. */
  collect(input?: MetricsWindowInput): Promise<MetricsSnapshot>;
}

export function createMetricsCollector(options: MetricsCollectorOptions): MetricsCollector {
  const now = options.now ?? (() => new Date());
  return {
    async collect(input) {
      const window = resolveMetricsWindow(input, now());
      const { sql, sources = {} } = options;
      const [runs, workflowSteps, agentSteps, critics, approvals, conflicts, costPerDay, deadLetters, queues, breakers, redisSeconds] = await Promise.all([
        queryRunFigures(sql, window),
        queryStepFigures(sql, window, 'workflow'),
        queryStepFigures(sql, window, 'agent'),
        queryCriticFigures(sql, window),
        queryApprovalFigures(sql, window),
        queryConflictFigures(sql, window),
        queryCostPerDay(sql, window),
        queryDeadLetters(sql, window),
        sources.queues?.() ?? Promise.resolve([]),
        sources.breakers?.() ?? Promise.resolve([]),
        sources.redisUptimeSeconds?.() ?? Promise.resolve(null),
      ]);
      const workflowFor = (name: string): WorkflowMetrics => {
        const run = runs.get(name) ?? EMPTY_RUNS;
        return {
          workflow: name,
          runs: run.runs,
          byStatus: run.byStatus,
          latencyMs: run.latencyMs,
          checkpoint: workflowSteps.get(name)?.checkpoint ?? EMPTY_CHECKPOINT,
          conflicts: conflicts.get(name) ?? EMPTY_CONFLICTS,
          humanIntervention: { runs: run.intervened, rate: ratio(run.intervened, run.runs) },
          critic: critics.get(name) ?? EMPTY_CRITIC,
          approvals: approvals.get(name) ?? EMPTY_APPROVALS,
          costUsd: run.costUsd,
          costPerRunUsd: run.costPerRunUsd,
        };
      };
      const names = [...new Set([...runs.keys(), ...approvals.keys()])].filter((name) => name !== TOTAL && name !== '').sort();
      const agents: AgentMetrics[] = [...agentSteps.entries()]
        .filter(([name]) => name !== TOTAL)
        .sort(([left], [right]) => left.localeCompare(right))
        .map(([agent, figures]) => ({ agent, ...figures }));
      return {
        window: { since: window.since.toISOString(), until: window.until.toISOString(), span: window.span, workflow: window.workflow ?? null },
        workflows: names.map(workflowFor),
        total: workflowFor(TOTAL),
        agents,
        costPerDay,
        deadLetters,
        queues,
        breakers,
        uptime: { processSeconds: options.startedAt === undefined ? null : Math.round((now().getTime() - options.startedAt.getTime()) / 1000), redisSeconds },
      };
    },
  };
}

const EMPTY_RUNS: RunFigures = {
  runs: 0,
  byStatus: { queued: 0, running: 0, waiting_for_human: 0, succeeded: 0, partial: 0, failed: 0, cancelled: 0 },
  latencyMs: { p50: null, p95: null },
  costUsd: 0,
  costPerRunUsd: null,
  intervened: 0,
};
