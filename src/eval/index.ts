// Any export here is public API for the rest of Baton: add deliberately.
export { measureAgreement, type Agreement, type FieldAgreement } from './agreement.js';
export { checkExpectations, type ExpectationSubject } from './check-expectations.js';
export { compareWithPrevious, type CaseDrift, type CaseSummary, type DriftReport, type MetricDrift, type PreviousEval } from './drift.js';
export { summariseCases, type EvalMetrics } from './eval-metrics.js';
export { findPreviousEval, saveWorkflowEval, type EvalMode, type WorkflowEval } from './eval-run-store.js';
export { evaluateGoldenSets, type EvalOutcome, type EvaluateOptions, type EvalWorld } from './evaluate-golden-sets.js';
export { exportDecisions, type ExportDecisionsOptions, type ExportedCase } from './export-decisions.js';
export { formatEvalReport } from './format-eval-report.js';
export {
  CaseDecisionSchema,
  GoldenCaseSchema,
  MeasureSchema,
  type CaseDecision,
  type CaseExpectations,
  type FieldExpectation,
  type GoldenCase,
  type GoldenCaseInput,
  type GoldenSet,
  type KnownOutput,
  type Measure,
} from './golden-case-schema.js';
export { GOLDEN_WORLD_FILE, GoldenWorldSchema, worldToday, type GoldenWorld } from './golden-world-schema.js';
export { loadGoldenSets, type LoadGoldenSetsOptions } from './load-golden-sets.js';
export { runGoldenCase, type CaseResult, type CaseRunOptions, type DecisionTaken } from './run-golden-case.js';
export { scoreRun, type RuleResult, type RunScore } from './score-run.js';
