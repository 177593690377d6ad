import type { IcpRules } from './icp-rules.js';
import { rubricScores } from './icp-rubric.js';
import { ICP_DIMENSIONS, type Intent, type LeadScoreAnswer, type LeadScorerInput } from './score-schemas.js';

/** How much each way in says about buying now; an inbound hand-raise says most. */
const SOURCE_INTENT: readonly { match: RegExp; points: number; signal: string }[] = [
  { match: /demo|contact|pricing/i, points: 60, signal: 'asked for a demo or pricing' },
  { match: /web|inbound|form/i, points: 50, signal: 'came in through the website' },
  { match: /referral|partner/i, points: 50, signal: 'was referred by a partner' },
  { match: /webinar|event|trade show|conference/i, points: 35, signal: 'attended an event or webinar' },
  { match: /outbound|list|purchased/i, points: 15, signal: 'was sourced by outbound prospecting' },
];

const SENIORITY: readonly { match: RegExp; points: number; signal: string }[] = [
  { match: /\b(chief|c[erot]o|founder|president|owner)\b/i, points: 30, signal: 'holds a C-level or founder title' },
  { match: /\b(vp|vice president|head of)\b/i, points: 25, signal: 'holds a VP or head-of title' },
  { match: /\bdirector\b/i, points: 15, signal: 'holds a director title' },
  { match: /\bmanager\b/i, points: 5, signal: 'holds a manager title' },
];

/** Offline mode's scorer: the rubric's points, explained, and intent from the lead's source and title. */
export function simulateLeadScore(rules: IcpRules) {
  return (input: LeadScorerInput): LeadScoreAnswer => {
    const rubric = rubricScores(rules, input.enrichment);
    const dimensions = ICP_DIMENSIONS.map((dimension) => ({
      dimension,
      points: rubric[dimension].points,
      evidence: rubric[dimension].evidence,
      reason: `[simulated] ${rubric[dimension].rule}, worth ${rubric[dimension].points} of 25 points`,
    }));
    const known = ICP_DIMENSIONS.filter((dimension) => rubric[dimension].evidence !== 'unknown').length;
    return { dimensions, intent: simulateIntent(input), confidence: Math.round((0.5 + 0.1 * known) * 100) / 100 };
  };
}

function simulateIntent(input: LeadScorerInput): Intent {
  const source = SOURCE_INTENT.find((entry) => entry.match.test(input.lead.leadSource ?? ''));
  const seniority = SENIORITY.find((entry) => entry.match.test(input.lead.title ?? ''));
  const tooling = input.enrichment.technographics.some((technology) => technology.category === 'sales_engagement');
  const score = Math.min(100, (source?.points ?? 20) + (seniority?.points ?? 0) + (tooling ? 10 : 0));
  const signals = [source?.signal, seniority?.signal, tooling ? 'already runs a sales engagement tool' : undefined].filter((signal) => signal !== undefined);
  return { score, signals, reason: `[simulated] ${signals.length === 0 ? 'no intent signal beyond the lead record itself' : `the lead ${signals.join(', and ')}`}` };
}
