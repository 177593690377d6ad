import type { IcpRules } from './icp-rules.js';
import { rubricScores } from './icp-rubric.js';
import { ICP_DIMENSIONS, type LeadScoreAnswer, type LeadScorerInput } from './score-schemas.js';

/** The four dimensions, each exactly once: a missing one silently scores zero, a repeated one twice. */
export function dimensionCoverageProblems(answer: LeadScoreAnswer): string[] {
  return ICP_DIMENSIONS.flatMap((dimension) => {
    const count = answer.dimensions.filter((entry) => entry.dimension === dimension).length;
    if (count === 1) return [];
    return [count === 0 ? `dimensions has no ${dimension} entry: score all four of ${ICP_DIMENSIONS.join(', ')}` : `dimensions lists ${dimension} ${count} times: give it once`];
  });
}

/** Each dimension's points are the rubric's for the enriched value: the objective half of scoring. */
export function rubricProblems(rules: IcpRules) {
  return (answer: LeadScoreAnswer, input: LeadScorerInput): string[] => {
    const expected = rubricScores(rules, input.enrichment);
    return answer.dimensions.flatMap((entry) => {
      const rubric = expected[entry.dimension];
      return entry.points === rubric.points
        ? []
        : [`${entry.dimension} has ${entry.points} points, but the ICP rubric gives ${rubric.points} for ${rubric.evidence} (${rubric.rule}): use ${rubric.points}`];
    });
  };
}

/** An intent score of medium or more rests on at least one named signal. */
export function intentSignalProblems(rules: IcpRules) {
  return (answer: LeadScoreAnswer): string[] =>
    answer.intent.score >= rules.intent.medium && answer.intent.signals.length === 0
      ? [`intent score ${answer.intent.score} names no signal: list what the lead did or is that shows intent, or lower the score below ${rules.intent.medium}`]
      : [];
}
