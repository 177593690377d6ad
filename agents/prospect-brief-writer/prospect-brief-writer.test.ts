import { beforeAll, describe, expect, it } from 'vitest';
import { AlertSchema } from '../../src/contracts/alert-request.js';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { RACHEL, RACHEL_ENRICHMENT, sampleRoster } from '../../test/support/sample-new-leads.js';
import { loadConfig } from '../../src/config.js';
import { loadIcpRules } from '../lead-scorer/icp-rules.js';
import { createLeadScorerAgent } from '../lead-scorer/lead-scorer.js';
import type { LeadScore } from '../lead-scorer/score-schemas.js';
import { repRouter } from '../rep-router/rep-router.js';
import type { Routing } from '../rep-router/router-schemas.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { ProspectBriefOutputSchema, type OwnerBranch, type ProspectBrief, type ProspectBriefInput } from './brief-schemas.js';
import { prospectBriefWriter } from './prospect-brief-writer.js';

let runner: AgentRunner;
let score: LeadScore;
let owner: OwnerBranch;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
  const scorer = createLeadScorerAgent(await loadIcpRules(loadConfig({}).promptsDir));
  const scored = await runner.run(scorer, { lead: RACHEL, enrichment: RACHEL_ENRICHMENT });
  const routed = await runner.run(repRouter, { lead: RACHEL, enrichment: RACHEL_ENRICHMENT, roster: sampleRoster() });
  if (!scored.ok || !routed.ok) throw new Error('the upstream agents failed');
  score = scored.output;
  const routing: Routing = routed.output;
  owner = { ...routing, crmWrites: [{ changeSetId: 'cs-1', status: 'applied', record: { type: 'Lead', id: RACHEL.id }, changes: [{ field: 'OwnerId', oldValue: '005Bt0000000000001', newValue: '005Bt0000000000003' }], reasons: [] }] };
});

async function write(input: ProspectBriefInput) {
  const result = await runner.run(prospectBriefWriter, input);
  if (!result.ok) throw result.error;
  return result.output;
}

describe('prospect-brief-writer in offline mode', () => {
  it('renders the brief as one new_lead alert to the assigned rep, with the facts rendered by code', async () => {
    const { brief, alerts } = await write({ lead: RACHEL, enrichment: RACHEL_ENRICHMENT, branches: { score, owner }, missing: [] });
    const [alert] = alerts;
    expect(alert).toMatchObject({ kind: 'new_lead', severity: 'info', audience: { kind: 'user', userId: '005Bt0000000000003', name: 'Daniel Okafor' }, title: 'New lead: Rachel Ng, VP of Sales at Brightpath Learning', records: [{ type: 'Lead', id: RACHEL.id }] });
    expect(brief.headline).toBe('Brightpath Learning: an A-fit, hot lead');
    expect(alert?.body).toContain('*Fit* A (75/100) · *Intent* high (85/100) · *Priority* hot');
    expect(alert?.body).toContain('*Company:* Education · 320 employees · $48M revenue · MA, United States');
    expect(alert?.body).toContain('*Stack:* Salesforce, Outreach');
    expect(alert?.body).toContain("*Routing:* Daniel Okafor covers the lead's territory North America East");
    expect(alert?.body).toContain('*CRM:* CRM change set cs-1 applied (OwnerId)');
  });

  it('sends an unassigned lead to the lead-routing channel as a warning, saying why', async () => {
    const missing = [{ branch: 'owner', reason: 'unauthorized: CRM change set cs-2 was refused: rep-router may not write Lead.OwnerId' }];
    const { alerts } = await write({ lead: RACHEL, enrichment: RACHEL_ENRICHMENT, branches: { score }, missing });
    expect(alerts[0]).toMatchObject({ audience: { kind: 'channel', channel: 'lead-routing' }, severity: 'warning' });
    expect(alerts[0]?.body).toContain('*Routing:* not done (unauthorized: CRM change set cs-2 was refused');
  });

  it('still briefs the rep when scoring failed, saying the score is unavailable', async () => {
    const { alerts, brief } = await write({ lead: RACHEL, enrichment: RACHEL_ENRICHMENT, branches: { owner }, missing: [{ branch: 'score', reason: 'timeout: the scorer took too long' }] });
    expect(alerts[0]?.body).toContain('*Score:* unavailable (timeout: the scorer took too long)');
    expect(brief.headline).toBe('Brightpath Learning: an unscored lead');
  });

  it('answers in the declared format: one alert the alerts.request step accepts', async () => {
    const output = await write({ lead: RACHEL, enrichment: RACHEL_ENRICHMENT, branches: { score, owner }, missing: [] });
    expect(ProspectBriefOutputSchema.parse(output)).toEqual(output);
    expect(AlertSchema.parse(output.alerts[0])).toEqual(output.alerts[0]);
    expect(output.brief.talkingPoints.length).toBeGreaterThanOrEqual(2);
  });
});

describe('prospect-brief-writer checks', () => {
  const input = (): ProspectBriefInput => ({ lead: RACHEL, enrichment: RACHEL_ENRICHMENT, branches: { score, owner }, missing: [] });
  const brief = (changes: Partial<ProspectBrief>): ProspectBrief => ({
    headline: 'Brightpath Learning: inbound VP of Sales',
    summary: 'Rachel Ng runs sales at Brightpath Learning.',
    talkingPoints: ['Ask about the website visit.', 'Ask how Outreach fits their process.'],
    nextStep: 'Call Rachel today.',
    confidence: 0.8,
    ...changes,
  });

  it('accepts a brief that names the company with distinct points', () => {
    expect(agentCheckMessages(prospectBriefWriter, brief({}), input())).toEqual([]);
  });

  it('names a brief that never says which company, repeats a point or leaves a template slot', () => {
    const answer = brief({ headline: 'Inbound VP of Sales', summary: 'Hi {{first_name}}, a strong lead.', talkingPoints: ['Ask about Outreach.', 'ask about outreach!'], nextStep: 'Call [name] TBD.' });
    expect(agentCheckMessages(prospectBriefWriter, answer, input())).toEqual([
      'neither headline nor summary names the company "Brightpath Learning": name it',
      'talking point 2 repeats an earlier one: make each point different',
      'summary contains the placeholder "{{first_name}}": write the actual words',
      'nextStep contains the placeholder "[name]": write the actual words',
    ]);
  });
});
