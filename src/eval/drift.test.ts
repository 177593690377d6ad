import { describe, expect, it } from 'vitest';
import { compareWithPrevious, type PreviousEval } from './drift.js';
import type { EvalMetrics } from './eval-metrics.js';

const metrics: EvalMetrics = { cases: 2, passed: 2, passRate: 1, schemaValidity: 1, ruleCompliance: 1, criticPassRate: 0.9, meanIterations: 1.1, agreement: 0.8, decisions: 2 };
const previous: PreviousEval = {
  id: 'eval-1',
  finishedAt: '2026-11-20T10:00:00.000Z',
  goldenDigest: 'digest',
  metrics,
  cases: [
    { id: 'a', passed: true, agreement: 0.8, iterations: 1 },
    { id: 'b', passed: true, agreement: 0.8, iterations: 1 },
  ],
};

describe('drift against the previous eval', () => {
  it('has nothing to compare on the first eval', () => {
    expect(compareWithPrevious({ metrics, cases: [], goldenDigest: 'digest' }, undefined, 0.05)).toMatchObject({ previousEvalRunId: null, drifted: false, metrics: [] });
  });

  it('flags a critic pass rate that fell past the threshold and rising iterations, not small moves', () => {
    const current = { ...metrics, criticPassRate: 0.8, meanIterations: 1.5, agreement: 0.78 };
    const report = compareWithPrevious({ metrics: current, cases: previous.cases, goldenDigest: 'digest' }, previous, 0.05);
    expect(report.drifted).toBe(true);
    expect(report.metrics.filter((metric) => metric.drifted).map((metric) => metric.metric)).toEqual(['criticPassRate', 'meanIterations']);
    expect(report.metrics.find((metric) => metric.metric === 'agreement')).toEqual({ metric: 'agreement', previous: 0.8, current: 0.78, change: -0.02, drifted: false });
    expect(report.goldenChanged).toBe(false);
  });

  it('names the case that passed and now fails, and the one whose agreement fell', () => {
    const cases = [
      { id: 'a', passed: false, agreement: 0.8, iterations: 1 },
      { id: 'b', passed: true, agreement: 0.5, iterations: 1 },
    ];
    const report = compareWithPrevious({ metrics, cases, goldenDigest: 'changed' }, previous, 0.05);
    expect(report.cases).toEqual([
      { id: 'a', problem: 'passed before, fails now' },
      { id: 'b', problem: 'agreement fell from 0.8 to 0.5' },
    ]);
    expect(report).toMatchObject({ drifted: true, goldenChanged: true, previousEvalRunId: 'eval-1' });
  });
});
