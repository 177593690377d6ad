import { defineAgent } from '../runtime/define-agent.js';
import type { IcpRules } from './icp-rules.js';
import { summarizeScore } from './icp-rubric.js';
import { dimensionCoverageProblems, intentSignalProblems, rubricProblems } from './score-checks.js';
import { LeadScoreAnswerSchema, LeadScorerInputSchema, LeadScoreSchema } from './score-schemas.js';
import { simulateLeadScore } from './simulate-lead-score.js';

/**
 * Scores an enriched lead: ICP fit on four firmographic dimensions (the points follow the
 * rubric in prompts/rules/icp.json and code holds the answer to it; the model explains each)
 * and intent from what the lead did and is. Classification against a rubric, so the fast tier.
 */
export function createLeadScorerAgent(rules: IcpRules) {
  return defineAgent({
    name: 'lead-scorer',
    description:
      'Scores an enriched lead on ICP fit (industry, company size, annual revenue and geography, 25 points each, every dimension explained) and on intent (0 to 100, with the signals behind it); code adds the fit score, the A to D grade and a hot, warm or cold priority.',
    input: LeadScorerInputSchema,
    answer: LeadScoreAnswerSchema,
    output: LeadScoreSchema,
    finalize: (answer) => summarizeScore(rules, answer),
    tier: 'fast',
    prompt: 'lead-scorer.md',
    timeoutMs: 20_000,
    maxOutputTokens: 1024,
    reads: ['lead', 'enrichment'],
    checks: [
      { name: 'four-dimensions', description: 'Industry, company size, annual revenue and geography are each scored exactly once.', run: dimensionCoverageProblems },
      { name: 'points-follow-the-rubric', description: "Each dimension's points are the ICP rubric's for the enriched value.", run: rubricProblems(rules) },
      { name: 'intent-has-signals', description: 'An intent score of medium or more names at least one signal.', run: intentSignalProblems(rules) },
    ],
    simulate: simulateLeadScore(rules),
  });
}
