import { defineAgent } from '../runtime/define-agent.js';
import { companyProblems, placeholderProblems, repeatedPointProblems } from './brief-checks.js';
import { ProspectBriefInputSchema, ProspectBriefOutputSchema, ProspectBriefSchema } from './brief-schemas.js';
import { renderLeadAlert } from './render-lead-alert.js';
import { simulateProspectBrief } from './simulate-prospect-brief.js';

/**
 * The merge of a new lead's scoring and assignment: writes the prospect brief the owner reads
 * first (synthesis and writing, so the deep tier), and code renders it with the facts as the
 * `new_lead` alert, to the assigned rep or, when nobody was assigned, the lead-routing channel.
 */
export const prospectBriefWriter = defineAgent({
  name: 'prospect-brief-writer',
  description:
    "Writes a new lead's prospect brief for the rep who owns it: a headline, a short summary of the person, the company, its ICP fit and intent, two to four talking points and a next step; rendered with the scores, firmographics, stack, routing reason and CRM change as one new_lead alert.",
  input: ProspectBriefInputSchema,
  answer: ProspectBriefSchema,
  output: ProspectBriefOutputSchema,
  finalize: (brief, input) => ({ brief, alerts: [renderLeadAlert(brief, input)], confidence: brief.confidence }),
  tier: 'deep',
  prompt: 'prospect-brief-writer.md',
  timeoutMs: 60_000,
  maxOutputTokens: 1024,
  reads: ['lead', 'enrichment', 'branches', 'missing'],
  checks: [
    { name: 'names-the-company', description: "The headline or summary names the lead's company.", run: companyProblems },
    { name: 'distinct-talking-points', description: 'No talking point repeats another.', run: repeatedPointProblems },
    { name: 'no-placeholders', description: 'No template slot ({{name}}, [company], TBD) is left in the text.', run: placeholderProblems },
  ],
  simulate: simulateProspectBrief,
});
