import type { EvalMetrics } from './eval-metrics.js';

/** What a stored eval run keeps of each case, enough to compare the next run with it. */
export interface CaseSummary {
  readonly id: string;
  readonly passed: boolean;
  readonly agreement: number | null;
  readonly iterations: number | null;
}

export interface PreviousEval {
  readonly id: string;
  readonly finishedAt: string;
  readonly goldenDigest: string;
  readonly metrics: EvalMetrics;
  readonly cases: readonly CaseSummary[];
}

export interface MetricDrift {
  readonly metric: RateMetric | 'meanIterations';
  readonly previous: number;
  readonly current: number;
  /** current − previous. */
  readonly change: number;
  /** A rate fell, or iterations rose, by more than the threshold. */
  readonly drifted: boolean;
}

export interface CaseDrift {
  readonly id: string;
  readonly problem: string;
}

export interface DriftReport {
  readonly previousEvalRunId: string | null;
  readonly previousAt: string | null;
  /** The golden files changed since: figures may move for that reason alone. */
  readonly goldenChanged: boolean;
  readonly metrics: readonly MetricDrift[];
  readonly cases: readonly CaseDrift[];
  readonly drifted: boolean;
}

type RateMetric = 'passRate' | 'schemaValidity' | 'ruleCompliance' | 'criticPassRate' | 'agreement';
const RATES: readonly RateMetric[] = ['passRate', 'schemaValidity', 'ruleCompliance', 'criticPassRate', 'agreement'];
/** Loops taking a quarter of a round more on average is the critic failing more often. */
const ITERATION_THRESHOLD = 0.25;

/**
 * Compares a workflow's eval with its previous one: a rate that fell by more than `threshold`
 * (0.05 = five points), mean iterations up by more than a quarter round, a case that passed and
 * now fails, or a case whose agreement fell by more than the threshold. Seed 000: a gradual
 * decline in critic pass rates signals prompt drift.
 */
export function compareWithPrevious(current: { metrics: EvalMetrics; cases: readonly CaseSummary[]; goldenDigest: string }, previous: PreviousEval | undefined, threshold: number): DriftReport {
  if (previous === undefined) return { previousEvalRunId: null, previousAt: null, goldenChanged: false, metrics: [], cases: [], drifted: false };
  const metrics: MetricDrift[] = [];
  for (const metric of RATES) {
    const before = previous.metrics[metric];
    const now = current.metrics[metric];
    if (before === null || now === null) continue;
    metrics.push({ metric, previous: before, current: now, change: round(now - before), drifted: before - now > threshold + 1e-9 });
  }
  const { meanIterations: before } = previous.metrics;
  const { meanIterations: now } = current.metrics;
  if (before !== null && now !== null) metrics.push({ metric: 'meanIterations', previous: before, current: now, change: round(now - before), drifted: now - before > ITERATION_THRESHOLD + 1e-9 });
  const cases = current.cases.flatMap((result) => caseDrift(result, previous.cases.find((earlier) => earlier.id === result.id), threshold));
  return {
    previousEvalRunId: previous.id,
    previousAt: previous.finishedAt,
    goldenChanged: previous.goldenDigest !== current.goldenDigest,
    metrics,
    cases,
    drifted: metrics.some((metric) => metric.drifted) || cases.length > 0,
  };
}

function caseDrift(current: CaseSummary, previous: CaseSummary | undefined, threshold: number): CaseDrift[] {
  if (previous === undefined) return [];
  const drifts: CaseDrift[] = [];
  if (previous.passed && !current.passed) drifts.push({ id: current.id, problem: 'passed before, fails now' });
  if (previous.agreement !== null && current.agreement !== null && previous.agreement - current.agreement > threshold + 1e-9) {
    drifts.push({ id: current.id, problem: `agreement fell from ${previous.agreement} to ${current.agreement}` });
  }
  return drifts;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
