import { describe, expect, it } from 'vitest';
import { useFakeModelRunner } from '../../test/support/fake-model-runner.js';
import { fundingResearch } from './funding-research.js';
import type { FundingAnswer } from './funding-schemas.js';

const TOOL = 'submit_funding_research';
const account = { name: 'Northwind Logistics', domain: 'northwind-logistics.com' };
const source = (url: string, observedAt: string) => ({ source: url, observedAt, confidence: 0.9 });
const seriesB = { date: '2026-03-02', stage: 'series_b' as const, amountUsd: 45_000_000, investors: ['Harbor Lane Capital'], sources: [source('https://news.example/northwind-b', '2026-03-02')] };
const seed = { date: '2023-05-10', stage: 'seed' as const, amountUsd: 3_000_000, investors: [], sources: [source('https://crunchbase.com/organization/northwind', '2023-05-10')] };
const ANSWER: FundingAnswer = {
  noDataFound: false,
  rounds: [seriesB, seed],
  runwayEstimate: 'Likely 24+ months: $45M Series B in 2026-03 for about 240 employees.',
  sources: [source('https://crunchbase.com/organization/northwind', '2026-11-20')],
  confidence: 0.85,
};

const model = useFakeModelRunner();

describe('funding-research with a model (the real SDK against the fake Messages API)', () => {
  it('validates the scripted answer, orders the rounds and derives the latest round and total', async () => {
    model.fake.script(TOOL, { reply: ANSWER });
    const result = await model.runner.run(fundingResearch, { account, notes: 'not for this agent' });
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ simulated: false, model: 'claude-sonnet-5-5', calls: 1, confidence: 0.85 });
    expect(result.output.rounds).toEqual([seed, seriesB]);
    expect(result.output).toMatchObject({ latestRound: seriesB, totalRaisedUsd: 48_000_000 });
    const sent = JSON.stringify(model.fake.requestsFor(TOOL)[0]?.body);
    expect(sent).toContain('northwind-logistics.com');
    expect(sent).not.toContain('not for this agent');
  });

  it('repairs an answer that claims no data while listing rounds, quoting the check, once', async () => {
    model.fake.script(TOOL, { reply: { ...ANSWER, noDataFound: true } }, { reply: ANSWER });
    const result = await model.runner.run(fundingResearch, { account });
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('- noDataFound is true but rounds lists 2 rounds');
  });

  it('repairs a schema-invalid round (a negative amount, a date in words) once', async () => {
    const broken = { ...ANSWER, rounds: [{ ...seriesB, amountUsd: -5, date: 'March 2026' }] };
    model.fake.script(TOOL, { reply: broken }, { reply: ANSWER });
    const result = await model.runner.run(fundingResearch, { account });
    expect(result.ok).toBe(true);
    const repair = model.repairText(TOOL);
    expect(repair).toContain('rounds.0.date: give the round date as YYYY-MM-DD');
    expect(repair).toContain('rounds.0.amountUsd: Too small');
  });
});
