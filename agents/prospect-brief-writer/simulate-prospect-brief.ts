import { leadName } from '../lead-enricher/lead-schemas.js';
import type { ProspectBrief, ProspectBriefInput } from './brief-schemas.js';

/** Offline mode's brief writer: the same facts in fixed sentences, labelled simulated. */
export function simulateProspectBrief(input: ProspectBriefInput): ProspectBrief {
  const { lead, enrichment } = input;
  const score = input.branches.score;
  const person = `${leadName(lead)}${lead.title === undefined ? '' : ` (${lead.title})`}`;
  const industry = enrichment.firmographics.industry?.value;
  const fit = score === undefined ? 'an unscored' : withArticle(`${score.fitGrade}-fit, ${score.priority}`);
  const stack = enrichment.technographics.map((technology) => technology.product);
  const points = [
    score === undefined || score.intent.signals.length === 0 ? `Ask what prompted ${lead.firstName ?? lead.lastName} to get in touch now.` : `${lead.firstName ?? lead.lastName} ${score.intent.signals[0] ?? ''}: ask what prompted it.`,
    stack.length === 0 ? `Ask which tools ${lead.company} runs its sales process on today.` : `${lead.company} runs ${stack.slice(0, 2).join(' and ')}: ask how well it fits their process.`,
    industry === undefined ? `Confirm what ${lead.company} does and how its sales team is organised.` : `Open with how other ${industry} teams handle pipeline visibility.`,
  ];
  return {
    headline: `${lead.company}: ${fit} lead`.slice(0, 120),
    summary: `[simulated] ${person} at ${lead.company}${industry === undefined ? '' : `, ${withArticle(industry)} company`}, is ${fit} lead.`.slice(0, 500),
    talkingPoints: points.map((point) => point.slice(0, 220)),
    nextStep: score?.priority === 'hot' ? `Call ${lead.firstName ?? lead.lastName} today and offer a demo this week.` : `Email ${lead.firstName ?? lead.lastName} within two business days with one relevant question.`,
    confidence: 0.6,
  };
}

/** "an A-fit", "a B-fit", "an Education": the article a reader expects. */
function withArticle(words: string): string {
  return /^(?:[aefhilmnorsx]-|[aeiou])/i.test(words) ? `an ${words}` : `a ${words}`;
}
