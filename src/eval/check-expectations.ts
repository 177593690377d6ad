import { isPresent, readPath } from './field-path.js';
import type { CaseExpectations, FieldExpectation } from './golden-case-schema.js';
import { jsonEqual } from './json-equal.js';
import type { RunScore } from './score-run.js';

export interface ExpectationSubject {
  readonly status: string;
  readonly output: unknown;
  readonly score: RunScore;
  /** Agreement with the known-good output, when the case has one. */
  readonly agreement: number | undefined;
}

/** Every expectation the result misses, each as one sentence naming the field or rule. */
export function checkExpectations(expectations: CaseExpectations, subject: ExpectationSubject): string[] {
  const { score } = subject;
  const failures: string[] = [];
  if (subject.status !== expectations.status) failures.push(`status is ${subject.status}, expected ${expectations.status}`);
  for (const path of expectations.required) if (!isPresent(readPath(subject.output, path))) failures.push(`${path || 'output'} is missing or empty`);
  for (const field of expectations.fields) failures.push(...fieldFailures(field, readPath(subject.output, field.path)));
  for (const rule of expectations.rulesPass) {
    const results = score.rules.filter((result) => result.id === rule);
    if (results.length === 0) failures.push(`rule ${rule} was never checked`);
    const failed = results.find((result) => !result.passed);
    if (failed !== undefined) failures.push(`rule ${rule} failed at ${failed.step}: ${failed.messages.join('; ')}`);
  }
  if (expectations.maxIterations !== undefined && (score.iterations ?? 0) > expectations.maxIterations) {
    failures.push(`took ${score.iterations ?? 0} iterations, at most ${expectations.maxIterations} expected`);
  }
  if (expectations.criticPasses !== undefined && score.criticFinalPass !== expectations.criticPasses) {
    failures.push(`the critic's last verdict ${score.criticFinalPass === undefined ? 'never came' : score.criticFinalPass ? 'passed' : 'failed'}; expected it to ${expectations.criticPasses ? 'pass' : 'fail'}`);
  }
  if (expectations.minAgreement !== undefined && (subject.agreement ?? 0) < expectations.minAgreement) {
    failures.push(`agreement with the known-good output is ${subject.agreement ?? 'unmeasured'}, at least ${expectations.minAgreement} expected`);
  }
  return failures;
}

function fieldFailures(expectation: FieldExpectation, value: unknown): string[] {
  const where = expectation.path || 'output';
  // JSON.stringify gives undefined for undefined, though its type says string.
  const shown = value === undefined ? 'nothing' : JSON.stringify(value);
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const length = Array.isArray(value) ? value.length : undefined;
  const problems = [
    expectation.equals !== undefined && !jsonEqual(value, expectation.equals) ? `is ${shown}, expected ${JSON.stringify(expectation.equals)}` : undefined,
    expectation.oneOf !== undefined && !expectation.oneOf.some((option) => jsonEqual(value, option)) ? `is ${shown}, expected one of ${JSON.stringify(expectation.oneOf)}` : undefined,
    expectation.contains !== undefined && !text.toLowerCase().includes(expectation.contains.toLowerCase()) ? `does not contain "${expectation.contains}"` : undefined,
    expectation.notContains !== undefined && text.toLowerCase().includes(expectation.notContains.toLowerCase()) ? `contains "${expectation.notContains}"` : undefined,
    expectation.matches !== undefined && !new RegExp(expectation.matches, 'u').test(text) ? `does not match /${expectation.matches}/` : undefined,
    expectation.atLeast !== undefined && !(typeof value === 'number' && value >= expectation.atLeast) ? `is ${shown}, expected at least ${expectation.atLeast}` : undefined,
    expectation.atMost !== undefined && !(typeof value === 'number' && value <= expectation.atMost) ? `is ${shown}, expected at most ${expectation.atMost}` : undefined,
    expectation.minItems !== undefined && !(length !== undefined && length >= expectation.minItems) ? `has ${length ?? 'no'} items, expected at least ${expectation.minItems}` : undefined,
    expectation.maxItems !== undefined && !(length !== undefined && length <= expectation.maxItems) ? `has ${length ?? 'no'} items, expected at most ${expectation.maxItems}` : undefined,
  ];
  return problems.filter((problem): problem is string => problem !== undefined).map((problem) => `${where} ${problem}`);
}
