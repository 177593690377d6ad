import type { CaseResult } from './run-golden-case.js';

/** One workflow's figures over its golden set; a figure nothing measured is null, not 0 or 1. */
export interface EvalMetrics {
  readonly cases: number;
  readonly passed: number;
  /** Cases that met every expectation. */
  readonly passRate: number;
  /** Outputs valid against their schemas, over every agent step and run output checked. */
  readonly schemaValidity: number | null;
  /** Rule results that passed: agents' own checks and the rules critics report. */
  readonly ruleCompliance: number | null;
  /** Critic verdicts that passed, over every round of every loop. */
  readonly criticPassRate: number | null;
  /** Producer rounds per case, for workflows with a critic loop. */
  readonly meanIterations: number | null;
  /** Mean agreement with the known-good outputs, over the cases that have one. */
  readonly agreement: number | null;
  /** Decisions the eval took at gates and reviews. */
  readonly decisions: number;
}

export function summariseCases(results: readonly CaseResult[]): EvalMetrics {
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const ratio = (part: number, whole: number) => (whole === 0 ? null : round(part / whole));
  const rules = results.flatMap((result) => result.score.rules);
  const iterations = results.flatMap((result) => (result.score.iterations === undefined ? [] : [result.score.iterations]));
  const agreements = results.flatMap((result) => (result.agreement === null ? [] : [result.agreement.score]));
  const passed = results.filter((result) => result.passed).length;
  return {
    cases: results.length,
    passed,
    passRate: ratio(passed, results.length) ?? 0,
    schemaValidity: ratio(sum(results.map((result) => result.score.schema.valid)), sum(results.map((result) => result.score.schema.checked))),
    ruleCompliance: ratio(rules.filter((rule) => rule.passed).length, rules.length),
    criticPassRate: ratio(sum(results.map((result) => result.score.critic.passed)), sum(results.map((result) => result.score.critic.verdicts))),
    meanIterations: iterations.length === 0 ? null : round(sum(iterations) / iterations.length),
    agreement: agreements.length === 0 ? null : round(sum(agreements) / agreements.length),
    decisions: sum(results.map((result) => result.decisions.length)),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
