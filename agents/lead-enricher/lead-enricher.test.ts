import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { RACHEL, RACHEL_ENRICHMENT, SPARSE } from '../../test/support/sample-new-leads.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { EnrichedLeadSchema, type Enrichment } from './enrichment-schemas.js';
import { leadEnricher } from './lead-enricher.js';
import type { NewLead } from './lead-schemas.js';

let runner: AgentRunner;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
});

async function enrich(lead: NewLead) {
  const result = await runner.run(leadEnricher, { lead });
  if (!result.ok) throw result.error;
  return result;
}

describe('lead-enricher in offline mode', () => {
  it("keeps the lead's own facts (normalised, sourced to the lead record) and fills the rest, labelled simulated", async () => {
    const result = await enrich(RACHEL);
    const { lead, enrichment } = EnrichedLeadSchema.parse(result.output);
    expect(result).toMatchObject({ simulated: true, model: 'offline-simulator', confidence: enrichment.confidence });
    expect(lead).toEqual(RACHEL);
    expect(enrichment.domain).toBe('brightpath-learning.example');
    expect(enrichment.firmographics).toMatchObject({
      industry: { value: 'Education', source: { source: 'lead-record' } },
      employeeCount: { value: 320, source: { source: 'lead-record' } },
      country: { value: 'US', source: { source: 'lead-record' } },
      state: { source: { source: 'simulated' } },
    });
    expect(enrichment.technographics.length).toBeGreaterThanOrEqual(1);
    expect(agentCheckMessages(leadEnricher, enrichment, { lead })).toEqual([]);
  });

  it('gives the same facts for the same company every time', async () => {
    expect((await enrich(RACHEL)).output).toEqual((await enrich(RACHEL)).output);
  });

  it('says what it could not find for a lead with no employee count and a company no source knows, instead of guessing', async () => {
    const { output, confidence } = await enrich(SPARSE);
    expect(output.enrichment.firmographics).toEqual({});
    expect(output.enrichment.unknown).toEqual(['industry', 'employeeCount', 'annualRevenueUsd', 'country', 'state', 'city', 'foundedYear']);
    expect(output.enrichment.technographics).toEqual([]);
    expect(confidence).toBeLessThanOrEqual(0.5);
  });

  it('lists a country it does not recognise as unknown rather than passing the spelling on', async () => {
    const { output } = await enrich({ ...RACHEL, country: 'Atlantis' });
    expect(output.enrichment.firmographics.country).toBeUndefined();
    expect(output.enrichment.unknown).toContain('country');
    expect(agentCheckMessages(leadEnricher, output.enrichment, { lead: RACHEL })).toEqual([]);
  });

  it('receives only the lead, whatever else the context holds', () => {
    expect(runner.prepareInput(leadEnricher, { lead: RACHEL, roster: { reps: [] } })).toEqual({ lead: RACHEL });
  });

  it('refuses a lead without a company, naming the field, before any model call', async () => {
    const result = await runner.run(leadEnricher, { lead: { ...RACHEL, company: ' ' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('lead.company: the lead has no company');
  });
});

describe('lead-enricher checks', () => {
  const input = { lead: RACHEL };
  const with_ = (changes: Partial<Enrichment>): Enrichment => ({ ...RACHEL_ENRICHMENT, ...changes });
  const firmographics = (changes: Partial<Enrichment['firmographics']>) => ({ ...RACHEL_ENRICHMENT.firmographics, ...changes });
  const source = { source: 'https://data.example', confidence: 0.7 };

  it('accepts a complete, consistent answer', () => {
    expect(agentCheckMessages(leadEnricher, RACHEL_ENRICHMENT, input)).toEqual([]);
  });

  it("refuses facts about another company's domain", () => {
    expect(agentCheckMessages(leadEnricher, with_({ domain: 'brightpath.example' }), input)).toEqual([
      "domain is brightpath.example but the lead's company is brightpath-learning.example (from its website or work email): enrich brightpath-learning.example, not a similarly named company",
    ]);
  });

  it('refuses an unknown country code and a state of another country', () => {
    expect(agentCheckMessages(leadEnricher, with_({ firmographics: firmographics({ country: { value: 'XQ', source } }) }), input)).toEqual([
      'country XQ is not a known ISO 3166 code: give a valid code, or leave country out and list it in unknown',
    ]);
    expect(agentCheckMessages(leadEnricher, with_({ firmographics: firmographics({ state: { value: 'Bavaria', source } }) }), input)).toEqual([
      'state Bavaria is not a US state or province code: give the two-letter code (such as CA or ON), or leave state out',
    ]);
  });

  it('refuses revenue at an implausible scale for the headcount (a unit slip)', () => {
    expect(agentCheckMessages(leadEnricher, with_({ firmographics: firmographics({ annualRevenueUsd: { value: 48, source } }) }), input)).toEqual([
      'annualRevenueUsd 48 for 320 employees is $0 per employee, outside $10,000 to $3,000,000: check the units (whole US dollars) or leave revenue out',
    ]);
  });

  it('requires every field to be found or said to be unknown, never both, and each product once', () => {
    const answer = with_({ unknown: ['city', 'state'], technographics: [...RACHEL_ENRICHMENT.technographics, { category: 'crm', product: 'salesforce', source }], firmographics: firmographics({ foundedYear: undefined }) });
    expect(agentCheckMessages(leadEnricher, answer, input)).toEqual([
      'state has a value but is also listed in unknown: keep one',
      'foundedYear has no value and is not listed in unknown: give it with its source, or list it in unknown',
      'technographics lists salesforce twice: keep one entry per product',
    ]);
  });
});
