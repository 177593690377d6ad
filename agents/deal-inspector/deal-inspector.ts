import { defineAgent } from '../runtime/define-agent.js';
import { assembleInspection, assessmentCoverageProblems, unfoundedAssessmentProblems } from './assemble-inspection.js';
import { DealInspectionSchema, DealInspectorInputSchema, InspectionAnswerSchema } from './deal-inspector-schemas.js';
import { simulateDealInspection } from './simulate-deal-inspection.js';

/**
 * The first agent of the deal review: inspects every open opportunity. Code flags what the
 * fields show (close date passed, no activity for the review's limit, no economic buyer or
 * champion among the contacts); the model reads each deal at risk, adds what only words show
 * (a next step that says "on hold") and says why in one or two sentences. QA of records, so
 * the balanced tier.
 */
export const dealInspector = defineAgent({
  name: 'deal-inspector',
  description:
    'Inspects every open opportunity for risk: close dates that passed, deals with no recent activity, missing economic buyer or champion among the contacts (by code), and next steps that read as trouble (by judgement); returns each flagged deal with its issues, a risk level and a reason a rep can act on.',
  input: DealInspectorInputSchema,
  answer: InspectionAnswerSchema,
  output: DealInspectionSchema,
  finalize: assembleInspection,
  tier: 'balanced',
  prompt: 'deal-inspector.md',
  timeoutMs: 90_000,
  maxOutputTokens: 4096,
  reads: ['review', 'deals'],
  checks: [
    {
      name: 'every-rule-flag-assessed',
      description: 'Every deal the rules flag has exactly one assessment, and every assessment names an open deal.',
      run: assessmentCoverageProblems,
    },
    {
      name: 'judged-flags-have-issues',
      description: 'An assessment of a deal the rules did not flag names at least one judged issue.',
      run: unfoundedAssessmentProblems,
    },
  ],
  simulate: simulateDealInspection,
});
