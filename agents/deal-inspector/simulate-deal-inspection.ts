import type { OpenDeal } from '../../src/contracts/open-pipeline.js';
import type { DealAssessment, DealInspectorInput, InspectionAnswer } from './deal-inspector-schemas.js';
import { ruleIssues } from './inspection-rules.js';

/** Next-step wording that says the deal is in trouble, whatever its dates say. */
const NEXT_STEP_CUES: readonly { cue: RegExp; risk: string }[] = [
  { cue: /\b(on hold|paused|pending legal)\b/i, risk: 'is on hold' },
  { cue: /\bslipped|next quarter|pushed\b/i, risk: 'was pushed out by the buyer' },
  { cue: /\bno reply|not responding|gone quiet|ghost/i, risk: 'has gone quiet' },
  { cue: /\bre-engage|reorg|new sponsor|champion left\b/i, risk: 'lost its sponsor' },
];

/**
 * Offline stand-in for the inspector: an assessment for every deal the rules flag or whose next
 * step reads as trouble, with the rule findings restated as the summary.
 */
export function simulateDealInspection(input: DealInspectorInput): InspectionAnswer {
  const assessments = input.deals.flatMap((deal): DealAssessment[] => {
    const judged = judgedIssuesOf(deal);
    const rules = ruleIssues(deal, input.review);
    if (rules.length === 0 && judged.length === 0) return [];
    const reasons = [...rules.map((issue) => issue.detail), ...judged.map((issue) => issue.detail)];
    return [{ opportunityId: deal.id, summary: `[simulated] ${deal.name} is at risk: ${reasons.join(' ')}`.slice(0, 600), judgedIssues: judged }];
  });
  return { assessments, confidence: 0.8 };
}

function judgedIssuesOf(deal: OpenDeal): DealAssessment['judgedIssues'] {
  const nextStep = deal.nextStep ?? '';
  const match = NEXT_STEP_CUES.find(({ cue }) => cue.test(nextStep));
  return match === undefined ? [] : [{ kind: 'next_step_risk', detail: `[simulated] The next step "${nextStep}" says the deal ${match.risk}.` }];
}
