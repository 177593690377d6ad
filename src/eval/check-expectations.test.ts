import { describe, expect, it } from 'vitest';
import { checkExpectations } from './check-expectations.js';
import { CaseExpectationsSchema } from './golden-case-schema.js';
import type { RunScore } from './score-run.js';

const score: RunScore = {
  schema: { checked: 3, valid: 3, problems: [] },
  rules: [
    { id: 'email-qa/word-count', step: 'sequence/qa/2/critic', passed: true, messages: [] },
    { id: 'email-qa/em-dash', step: 'sequence/qa/2/critic', passed: false, messages: ['Email 1 has a dash (— or --) in the body: use a comma or a full stop instead.'] },
  ],
  critic: { verdicts: 2, passed: 1 },
  criticFinalPass: true,
  iterations: 2,
};

describe('a case\'s expectations', () => {
  it('passes a result that meets every one', () => {
    const expectations = CaseExpectationsSchema.parse({
      required: ['routing.reason'],
      fields: [{ path: 'routing.category', equals: 'positive' }, { path: 'routing.confidence', atLeast: 0.7 }, { path: 'result.times', minItems: 2, maxItems: 3 }, { path: 'result.body', contains: 'cal.example', notContains: '?' }],
      rulesPass: ['email-qa/word-count'],
      maxIterations: 2,
      criticPasses: true,
      minAgreement: 0.5,
    });
    const output = { routing: { category: 'positive', confidence: 0.8, reason: 'matched interested' }, result: { times: ['a', 'b'], body: 'Book at https://cal.example/x.' } };
    expect(checkExpectations(expectations, { status: 'succeeded', output, score, agreement: 0.6 })).toEqual([]);
  });

  it('names every miss: status, field, rule, iterations, critic and agreement', () => {
    const expectations = CaseExpectationsSchema.parse({
      required: ['routing.reason'],
      fields: [{ path: 'routing.category', equals: 'positive' }, { path: 'result.times', minItems: 3 }],
      rulesPass: ['email-qa/em-dash', 'email-qa/single-ask'],
      maxIterations: 1,
      criticPasses: false,
      minAgreement: 0.9,
    });
    const output = { routing: { category: 'question', reason: ' ' }, result: { times: ['a'] } };
    expect(checkExpectations(expectations, { status: 'waiting_for_human', output, score, agreement: 0.6 })).toEqual([
      'status is waiting_for_human, expected succeeded',
      'routing.reason is missing or empty',
      'routing.category is "question", expected "positive"',
      'result.times has 1 items, expected at least 3',
      'rule email-qa/em-dash failed at sequence/qa/2/critic: Email 1 has a dash (— or --) in the body: use a comma or a full stop instead.',
      'rule email-qa/single-ask was never checked',
      'took 2 iterations, at most 1 expected',
      "the critic's last verdict passed; expected it to fail",
      'agreement with the known-good output is 0.6, at least 0.9 expected',
    ]);
  });
});
