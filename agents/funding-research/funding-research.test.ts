import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { fundingResearch } from './funding-research.js';
import { FundingResearchSchema, type FundingAnswer } from './funding-schemas.js';

let runner: AgentRunner;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
});

async function research(domain: string, name = 'Northwind Logistics') {
  const result = await runner.run(fundingResearch, { account: { name, domain } });
  if (!result.ok) throw result.error;
  return result;
}

describe('funding-research in offline mode', () => {
  it('lists rounds oldest first, each with a simulated source, and derives the latest round and the total', async () => {
    const result = await research('northwind-logistics.com');
    const output = FundingResearchSchema.parse(result.output);
    expect(result).toMatchObject({ simulated: true, model: 'offline-simulator', confidence: output.confidence });
    expect(output.noDataFound).toBe(false);
    expect(output.rounds.map((round) => round.date)).toEqual(output.rounds.map((round) => round.date).sort());
    expect(output.latestRound).toEqual(output.rounds.at(-1));
    expect(output.totalRaisedUsd).toBe(output.rounds.reduce((sum, round) => sum + (round.amountUsd ?? 0), 0));
    const sources = [...output.sources, ...output.rounds.flatMap((round) => round.sources), ...(output.company ? [output.company.source] : [])];
    expect(new Set(sources.map((source) => source.source))).toEqual(new Set(['simulated']));
    expect(output.runwayEstimate).toMatch(/^\[simulated\] /);
  });

  it('gives the same answer for the same domain every time, and a different one for another domain', async () => {
    const first = await research('northwind-logistics.com');
    const again = await research('northwind-logistics.com');
    const other = await research('initech.com');
    expect(again.output).toEqual(first.output);
    expect(other.output).not.toEqual(first.output);
  });

  it('says explicitly that a bootstrapped company has no funding data, with no rounds and no runway guess', async () => {
    const { output } = await research('bootstrapped-tools.com', 'Bootstrapped Tools');
    expect(output).toMatchObject({ noDataFound: true, rounds: [], latestRound: undefined, totalRaisedUsd: undefined });
    expect(output.runwayEstimate).toContain('No funding data found');
    expect(output.confidence).toBeLessThanOrEqual(0.5);
  });

  it('finds neither rounds nor a company profile for a company no source knows', async () => {
    const { output } = await research('unknown-widgets.io', 'Unknown Widgets');
    expect(output).toMatchObject({ noDataFound: true, rounds: [] });
    expect(output.company).toBeUndefined();
  });

  it('simulates plausible funding: stages climb, amounts grow, dates advance, some companies have none', async () => {
    const outputs = await Promise.all(Array.from({ length: 40 }, (_unused, index) => research(`company-${index}.com`)));
    const funded = outputs.map((result) => result.output).filter((output) => !output.noDataFound);
    expect(funded.length).toBeGreaterThan(25);
    expect(funded.length).toBeLessThan(40);
    for (const output of funded) {
      const amounts = output.rounds.map((round) => round.amountUsd ?? 0);
      expect(amounts).toEqual([...amounts].sort((left, right) => left - right));
      expect(Math.min(...amounts)).toBeGreaterThanOrEqual(1_000_000);
      expect(output.latestRound?.date.localeCompare('2026-11-01')).toBeLessThan(0);
    }
  });

  it('receives only the account, whatever else the context holds', () => {
    const account = { name: 'Northwind Logistics', domain: 'northwind-logistics.com' };
    expect(runner.prepareInput(fundingResearch, { account, hiring: { openRoles: [] }, crmNotes: 'x' })).toEqual({ account });
  });

  it('refuses a URL where a bare domain belongs, naming the field, before any model call', async () => {
    const result = await runner.run(fundingResearch, { account: { name: 'Northwind', domain: 'https://northwind.com/about' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('account.domain: expected a bare domain such as acme.com');
  });
});

describe('funding-research checks', () => {
  const account = { account: { name: 'Northwind Logistics', domain: 'northwind-logistics.com' } };
  const round = { date: '2026-03-02', stage: 'series_b' as const, amountUsd: 40_000_000, investors: ['Harbor Lane Capital'], sources: [{ source: 'https://news.example/b', confidence: 0.9 }] };
  const answer = (overrides: Partial<FundingAnswer>): FundingAnswer => ({ noDataFound: false, rounds: [round], runwayEstimate: 'About two years.', sources: [], confidence: 0.8, ...overrides });

  it('rejects "no data found" alongside a listed round', () => {
    expect(agentCheckMessages(fundingResearch, answer({ noDataFound: true }), account)).toEqual([
      'noDataFound is true but rounds lists 1 round: set noDataFound to false, or drop rounds that are not about this company',
    ]);
  });

  it('rejects an empty round list that does not admit it found nothing', () => {
    expect(agentCheckMessages(fundingResearch, answer({ rounds: [] }), account)).toEqual([
      'rounds is empty but noDataFound is false: set noDataFound to true when no funding round was found (bootstrapped, private or unknown)',
    ]);
  });

  it('accepts a consistent answer', () => {
    expect(agentCheckMessages(fundingResearch, answer({}), account)).toEqual([]);
    expect(agentCheckMessages(fundingResearch, answer({ noDataFound: true, rounds: [] }), account)).toEqual([]);
  });
});
