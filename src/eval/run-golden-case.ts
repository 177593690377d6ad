import { setTimeout as sleep } from 'node:timers/promises';
import type { Engine } from '../engine/engine.js';
import type { WorkflowDefinition } from '../engine/workflow/define-workflow.js';
import { toBatonError } from '../errors/index.js';
import type { RunDetail, RunStatus } from '../store/index.js';
import { measureAgreement, type Agreement } from './agreement.js';
import { checkExpectations } from './check-expectations.js';
import type { CaseDecision, GoldenCase } from './golden-case-schema.js';
import { scoreRun, type RunScore } from './score-run.js';

export interface CaseRunOptions {
  readonly engine: Engine;
  readonly definition: WorkflowDefinition;
  /** Recorded on each run's trigger, so eval runs can be told from real work. */
  readonly evalRunId: string;
  /** Who the eval decides as; recorded on every decision it takes. */
  readonly reviewer: string;
  readonly timeoutMs: number;
}

export interface DecisionTaken {
  readonly at: string;
  readonly action: string;
  readonly decision: CaseDecision['decision'];
}

export interface CaseResult {
  readonly id: string;
  readonly runId: string | null;
  readonly status: RunStatus | 'refused' | 'timed_out';
  readonly passed: boolean;
  readonly failures: readonly string[];
  /** What the run produced, kept so a drifted case can be read beside its known-good output. */
  readonly output: unknown;
  readonly score: RunScore;
  readonly agreement: Agreement | null;
  readonly knownBadAgreement: number | null;
  readonly decisions: readonly DecisionTaken[];
  readonly durationMs: number;
}

const SETTLED: readonly RunStatus[] = ['succeeded', 'partial', 'failed', 'cancelled', 'waiting_for_human'];
const POLL_INTERVAL_MS = 25;
const EMPTY_SCORE: RunScore = { schema: { checked: 0, valid: 0, problems: [] }, rules: [], critic: { verdicts: 0, passed: 0 }, criticFinalPass: undefined, iterations: undefined };

/**
 * Runs one case end to end through the engine (workers must be running), takes the case's
 * decisions at each gate as the eval's reviewer, then scores the result and checks the case's
 * expectations. A run left waiting with no decision for its gate fails the case, naming the gate.
 */
export async function runGoldenCase(options: CaseRunOptions, goldenCase: GoldenCase): Promise<CaseResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let runId: string;
  try {
    runId = (await options.engine.start(options.definition.name, goldenCase.input, { trigger: { kind: 'eval', evalRunId: options.evalRunId, case: goldenCase.id } })).runId;
  } catch (thrown) {
    const failure = `the input was refused: ${toBatonError(thrown).message}`;
    return { id: goldenCase.id, runId: null, status: 'refused', passed: false, failures: [failure], output: null, score: EMPTY_SCORE, agreement: null, knownBadAgreement: null, decisions: [], durationMs: elapsed() };
  }
  const deadline = Date.now() + options.timeoutMs;
  const { run, decisions, problems } = await driveRun(options, goldenCase, runId, deadline);
  const timedOut = !SETTLED.includes(run.status);
  const score = scoreRun(options.definition, run);
  const agreement = goldenCase.knownGood === undefined ? null : measureAgreement(run.output, goldenCase.knownGood);
  const knownBadAgreement = goldenCase.knownBad === undefined ? null : measureAgreement(run.output, goldenCase.knownBad).score;
  const failures = [
    ...(timedOut ? [`the run was still ${run.status} after ${options.timeoutMs / 1000} s`] : []),
    ...problems,
    ...checkExpectations(goldenCase.expect, { status: run.status, output: run.output, score, agreement: agreement?.score }),
    ...(score.schema.problems.map((problem) => `schema: ${problem}`)),
    ...(goldenCase.knownBad !== undefined && knownBadAgreement !== null && knownBadAgreement >= goldenCase.knownBad.maxAgreement
      ? [`the output agrees ${knownBadAgreement} with the rejected output (${goldenCase.knownBad.reason ?? 'no reason given'}); at most ${goldenCase.knownBad.maxAgreement} accepted`]
      : []),
  ];
  const status = timedOut ? 'timed_out' : run.status;
  return { id: goldenCase.id, runId, status, passed: failures.length === 0, failures, output: run.output ?? null, score, agreement, knownBadAgreement, decisions, durationMs: elapsed() };
}

async function driveRun(options: CaseRunOptions, goldenCase: GoldenCase, runId: string, deadline: number) {
  const decisions: DecisionTaken[] = [];
  const unused = [...goldenCase.decisions];
  for (;;) {
    const run = await waitUntilSettled(options.engine, runId, deadline);
    if (run.status !== 'waiting_for_human') return { run, decisions, problems: [] };
    const pending = await options.engine.listApprovals({ runId, status: 'pending' });
    const approval = pending[0];
    if (approval === undefined) return { run, decisions, problems: [] };
    const index = unused.findIndex((decision) => decision.at === approval.key);
    const decision = unused[index];
    if (decision === undefined) {
      return { run, decisions, problems: [`the run waits at ${approval.key} (${approval.action}) and the case gives no decision for it`] };
    }
    unused.splice(index, 1);
    try {
      await options.engine.decide({ approvalId: approval.id, fingerprint: approval.fingerprint, decision: toDecision(decision), reviewer: { id: options.reviewer, via: 'cli' } });
    } catch (thrown) {
      return { run, decisions, problems: [`the decision at ${approval.key} was refused: ${toBatonError(thrown).message}`] };
    }
    decisions.push({ at: approval.key, action: approval.action, decision: decision.decision });
  }
}

function toDecision(decision: CaseDecision) {
  switch (decision.decision) {
    case 'approve':
      return { decision: 'approve' as const };
    case 'edit':
      return { decision: 'edit' as const, payload: decision.payload };
    case 'reject':
      return { decision: 'reject' as const, reason: decision.reason };
  }
}

async function waitUntilSettled(engine: Engine, runId: string, deadline: number): Promise<RunDetail> {
  let run = await engine.getRun(runId);
  while (!SETTLED.includes(run.status) && Date.now() < deadline) {
    await sleep(POLL_INTERVAL_MS);
    run = await engine.getRun(runId);
  }
  return run;
}
