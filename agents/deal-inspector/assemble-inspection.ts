import type { DealInspection, DealInspectorInput, FlaggedDeal, InspectionAnswer } from './deal-inspector-schemas.js';
import { riskLevelOf, ruleIssues } from './inspection-rules.js';

/**
 * Code flags what the CRM's fields show (rule issues), the model adds what needs reading and
 * says why in words; a deal is flagged when either found something. The pipeline is carried on
 * unchanged for the forecaster, the comp audit and the alerts.
 */
export function assembleInspection(answer: InspectionAnswer, input: DealInspectorInput): DealInspection {
  const assessments = new Map(answer.assessments.map((assessment) => [assessment.opportunityId, assessment]));
  const flaggedDeals = input.deals.flatMap((deal): FlaggedDeal[] => {
    const assessment = assessments.get(deal.id);
    const issues = [...ruleIssues(deal, input.review), ...(assessment?.judgedIssues ?? []).map((issue) => ({ basis: 'judgement' as const, ...issue }))];
    if (issues.length === 0) return [];
    return [{
      opportunityId: deal.id,
      name: deal.name,
      ownerId: deal.owner.id,
      issues,
      riskLevel: riskLevelOf(issues),
      summary: assessment?.summary ?? issues.map((issue) => issue.detail).join(' '),
      source: input.review.source,
      confidence: answer.confidence,
    }];
  });
  return { review: input.review, deals: input.deals, flaggedDeals, confidence: answer.confidence };
}

/** Every deal the rules flag needs the model's words; an assessment must name an open deal, once. */
export function assessmentCoverageProblems(answer: InspectionAnswer, input: DealInspectorInput): string[] {
  const deals = new Map(input.deals.map((deal) => [deal.id, deal]));
  const seen = new Set<string>();
  const problems: string[] = [];
  answer.assessments.forEach((assessment, index) => {
    if (!deals.has(assessment.opportunityId)) problems.push(`assessments[${index}].opportunityId "${assessment.opportunityId}" is not one of the open deals in the input`);
    else if (seen.has(assessment.opportunityId)) problems.push(`assessments[${index}] assesses ${assessment.opportunityId} a second time: give each deal one assessment`);
    seen.add(assessment.opportunityId);
  });
  for (const deal of input.deals) {
    const kinds = ruleIssues(deal, input.review).map((issue) => issue.kind);
    if (kinds.length > 0 && !seen.has(deal.id)) problems.push(`assessments has no entry for "${deal.name}" (${deal.id}), which the rules flag for ${kinds.join(', ')}: add one with a summary`);
  }
  return problems;
}

/** A deal the rules did not flag is flagged only for a judged issue; an assessment with none is noise. */
export function unfoundedAssessmentProblems(answer: InspectionAnswer, input: DealInspectorInput): string[] {
  const deals = new Map(input.deals.map((deal) => [deal.id, deal]));
  return answer.assessments.flatMap((assessment, index) => {
    const deal = deals.get(assessment.opportunityId);
    if (deal === undefined || assessment.judgedIssues.length > 0 || ruleIssues(deal, input.review).length > 0) return [];
    return [`assessments[${index}] ("${deal.name}") has no judged issue and the rules flag nothing: name the risk in judgedIssues, or drop the assessment`];
  });
}
