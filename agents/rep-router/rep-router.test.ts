import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { RACHEL, RACHEL_ENRICHMENT, sampleRoster } from '../../test/support/sample-new-leads.js';
import type { Enrichment } from '../lead-enricher/enrichment-schemas.js';
import type { NewLead } from '../lead-enricher/lead-schemas.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { repRouter } from './rep-router.js';
import { RoutingSchema } from './router-schemas.js';

let runner: AgentRunner;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
});

const source = { source: 'https://data.example', confidence: 0.8 };
/** Brightpath moved: the same company with another headcount and headquarters. */
function located(employees: number | undefined, country: string | undefined, state?: string): Enrichment {
  const { employeeCount: _employees, country: _country, state: _state, ...rest } = RACHEL_ENRICHMENT.firmographics;
  return {
    ...RACHEL_ENRICHMENT,
    firmographics: {
      ...rest,
      ...(employees === undefined ? {} : { employeeCount: { value: employees, source } }),
      ...(country === undefined ? {} : { country: { value: country, source } }),
      ...(state === undefined ? {} : { state: { value: state, source } }),
    },
  };
}

async function route(enrichment: Enrichment, roster = sampleRoster(), lead: NewLead = RACHEL) {
  const result = await runner.run(repRouter, { lead, enrichment, roster });
  if (!result.ok) throw result.error;
  return result.output;
}

describe('rep-router in offline mode', () => {
  it('routes to the rep covering territory and segment, and proposes the owner plus the facts the lead lacks', async () => {
    const output = await route(RACHEL_ENRICHMENT);
    expect(output.assignment).toMatchObject({ name: 'Daniel Okafor', matchedOn: 'territory_and_segment', leadSegment: 'Mid-Market', leadTerritories: ['North America East'], confidence: 0.95, source: { source: 'embedded-crm', observedAt: '2026-11-20T09:00:00.000Z' } });
    expect(output.assignment?.reason).toMatch(/^\[simulated\] Daniel Okafor covers the lead's territory North America East and segment Mid-Market/);
    // The lead stated its industry, headcount and country: a looked-up value never overwrites them.
    expect(output.proposal).toEqual({
      record: { type: 'Lead', id: RACHEL.id },
      changes: [{ field: 'OwnerId', newValue: '005Bt0000000000003' }, { field: 'State', newValue: 'MA' }, { field: 'AnnualRevenue', newValue: 48_000_000 }],
      confidence: 0.95,
    });
  });

  it('picks the lower load among reps covering both', async () => {
    const enterpriseWest = located(2_400, 'US', 'CA');
    expect((await route(enterpriseWest)).assignment?.name).toBe('Marcus Bell');
    const eitherCoast = located(2_400, 'US');
    expect((await route(eitherCoast, sampleRoster({ 'Priya Raman': 1, 'Marcus Bell': 6 }))).assignment).toMatchObject({ name: 'Priya Raman', leadTerritories: ['North America East', 'North America West'] });
  });

  it('breaks a tie on load by user id and says so', async () => {
    const output = await route(located(2_400, 'US'), sampleRoster({ 'Priya Raman': 4, 'Marcus Bell': 4 }));
    expect(output.assignment).toMatchObject({ name: 'Priya Raman', tiedWith: [{ userId: '005Bt0000000000002', name: 'Marcus Bell' }] });
    expect(output.assignment?.reason).toContain('tied on load with Marcus Bell, broken by user id');
  });

  it('falls back to territory, then segment, then load, trusting each less', async () => {
    expect((await route(located(60, 'DE'))).assignment).toMatchObject({ name: 'Hannah Weiss', matchedOn: 'territory', confidence: 0.85 });
    expect((await route(located(60, 'JP'))).assignment).toMatchObject({ name: 'Luis Ortega', matchedOn: 'segment', confidence: 0.8 });
    const nothingKnown = await route(located(undefined, undefined), sampleRoster({ 'Hannah Weiss': 0 }));
    expect(nothingKnown.assignment).toMatchObject({ name: 'Hannah Weiss', matchedOn: 'load_only', leadSegment: null, leadTerritories: [], confidence: 0.6 });
    expect(nothingKnown.proposal?.confidence).toBe(0.6);
  });

  it('assigns nobody, and proposes no change, when the roster has no reps', async () => {
    const output = await route(RACHEL_ENRICHMENT, { ...sampleRoster(), reps: [] });
    expect(output).toMatchObject({ assignment: null, proposal: null });
    expect(output.unassignedReason).toContain('a person must assign this lead');
  });

  it('answers in the declared format', async () => {
    const output = await route(RACHEL_ENRICHMENT);
    expect(RoutingSchema.parse(output)).toEqual(output);
  });

  it('receives only the lead, the enrichment and the roster', () => {
    const context = { lead: RACHEL, enrichment: RACHEL_ENRICHMENT, roster: sampleRoster(), score: { fitScore: 90 } };
    expect(Object.keys(runner.prepareInput(repRouter, context) as object)).toEqual(['lead', 'enrichment', 'roster']);
  });
});

describe('rep-router checks', () => {
  const input = { lead: RACHEL, enrichment: RACHEL_ENRICHMENT, roster: sampleRoster() };

  it('accepts the rule\'s rep with a reason naming them', () => {
    expect(agentCheckMessages(repRouter, { userId: '005Bt0000000000003', reason: 'Daniel covers NA East mid-market.', confidence: 0.9 }, input)).toEqual([]);
  });

  it('sends back another rep with the rule spelled out, and a reason that does not name the rep', () => {
    expect(agentCheckMessages(repRouter, { userId: '005Bt0000000000001', reason: 'Priya is senior.', confidence: 0.9 }, input)).toEqual([
      "userId is 005Bt0000000000001, but the routing rule picks 005Bt0000000000003: Daniel Okafor covers the lead's territory North America East and segment Mid-Market, with the lowest load among them (3 open: 2 leads, 1 opportunity). Use 005Bt0000000000003",
      'reason does not name Daniel Okafor: say in one sentence why Daniel Okafor gets the lead (territory, segment, load)',
    ]);
  });

  it('refuses a rep when the roster is empty', () => {
    expect(agentCheckMessages(repRouter, { userId: '005Bt0000000000003', reason: 'Daniel.', confidence: 0.9 }, { ...input, roster: { ...sampleRoster(), reps: [] } })).toEqual([
      'userId is 005Bt0000000000003, but the roster has no reps: answer userId null and say so in the reason',
    ]);
  });
});
