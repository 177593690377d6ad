import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { RACHEL, RACHEL_ENRICHMENT, SPARSE } from '../../test/support/sample-new-leads.js';
import type { Enrichment } from '../lead-enricher/enrichment-schemas.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { loadIcpRules, type IcpRules } from './icp-rules.js';
import { createLeadScorerAgent } from './lead-scorer.js';
import { LeadScoreSchema, type LeadScoreAnswer } from './score-schemas.js';

let runner: AgentRunner;
let rules: IcpRules;
let scorer: ReturnType<typeof createLeadScorerAgent>;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
  rules = await loadIcpRules(loadConfig({}).promptsDir);
  scorer = createLeadScorerAgent(rules);
});

const UNKNOWN: Enrichment = { firmographics: {}, technographics: [], unknown: ['industry', 'employeeCount', 'annualRevenueUsd', 'country', 'state', 'city', 'foundedYear'], confidence: 0.3 };

async function score(lead = RACHEL, enrichment = RACHEL_ENRICHMENT) {
  const result = await runner.run(scorer, { lead, enrichment });
  if (!result.ok) throw result.error;
  return result;
}

describe('lead-scorer in offline mode', () => {
  it('scores the four dimensions by the ICP rubric, explained, and adds them up to a grade and a priority', async () => {
    const { output, simulated } = await score();
    expect(simulated).toBe(true);
    expect(output.dimensions.map((entry) => [entry.dimension, entry.points, entry.evidence])).toEqual([
      ['industry', 10, 'Education'],
      ['company_size', 20, '320 employees'],
      ['annual_revenue', 20, '$48M'],
      ['geography', 25, 'US'],
    ]);
    expect(output.dimensions.every((entry) => entry.reason.startsWith('[simulated] '))).toBe(true);
    expect(output).toMatchObject({ fitScore: 75, fitGrade: 'A', intentLevel: 'high', priority: 'hot' });
    expect(output.intent.signals).toEqual(['came in through the website', 'holds a VP or head-of title', 'already runs a sales engagement tool']);
  });

  it('scores an unknown value zero with "unknown" as its evidence, and is less sure', async () => {
    const { output, confidence } = await score(SPARSE, UNKNOWN);
    expect(output.dimensions.map((entry) => [entry.points, entry.evidence])).toEqual(Array.from({ length: 4 }, () => [0, 'unknown']));
    expect(output).toMatchObject({ fitScore: 0, fitGrade: 'D', priority: 'cold' });
    expect(confidence).toBeLessThan(0.6);
  });

  it('reads outbound-sourced juniors as low intent', async () => {
    const { output } = await score({ ...RACHEL, leadSource: 'Outbound', title: 'Sales Associate' }, { ...RACHEL_ENRICHMENT, technographics: [] });
    expect(output.intent).toMatchObject({ score: 15, signals: ['was sourced by outbound prospecting'] });
    expect(output.intentLevel).toBe('low');
  });

  it('answers in the declared format, with its confidence', async () => {
    const result = await score();
    expect(LeadScoreSchema.parse(result.output)).toEqual(result.output);
    expect(result.confidence).toBe(result.output.confidence);
  });

  it('refuses an ICP file with a dimension over 25 points, naming the file and the field', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'baton-icp-'));
    await mkdir(path.join(folder, 'rules'));
    await writeFile(path.join(folder, 'rules', 'icp.json'), JSON.stringify({ ...rules, geography: { points: { north_america: 40, emea: 20, apac: 10, latam: 10 }, unknown: 0 } }));
    await expect(loadIcpRules(folder)).rejects.toThrow(/icp\.json: .*geography\.points\.north_america/);
  });
});

describe('lead-scorer checks', () => {
  const input = { lead: RACHEL, enrichment: RACHEL_ENRICHMENT };
  const dimension = (name: LeadScoreAnswer['dimensions'][number]['dimension'], points: number) => ({ dimension: name, points, evidence: 'x', reason: 'Because.' });
  const answer = (dimensions: LeadScoreAnswer['dimensions'], intent: LeadScoreAnswer['intent'] = { score: 80, signals: ['asked for a demo'], reason: 'Demo request.' }): LeadScoreAnswer => ({ dimensions, intent, confidence: 0.8 });
  const rubric = [dimension('industry', 10), dimension('company_size', 20), dimension('annual_revenue', 20), dimension('geography', 25)];

  it('accepts points that follow the rubric', () => {
    expect(agentCheckMessages(scorer, answer(rubric), input)).toEqual([]);
  });

  it('names a dimension whose points differ from the rubric, with the rubric value and why', () => {
    expect(agentCheckMessages(scorer, answer([dimension('industry', 25), ...rubric.slice(1)]), input)).toEqual([
      'industry has 25 points, but the ICP rubric gives 10 for Education (Education is in the ICP\'s industry list): use 10',
    ]);
  });

  it('requires each of the four dimensions exactly once', () => {
    expect(agentCheckMessages(scorer, answer([...rubric.slice(0, 3), dimension('industry', 10)]), input)).toEqual([
      'dimensions lists industry 2 times: give it once',
      'dimensions has no geography entry: score all four of industry, company_size, annual_revenue, geography',
    ]);
  });

  it('refuses medium or high intent with no signal behind it', () => {
    expect(agentCheckMessages(scorer, answer(rubric, { score: 55, signals: [], reason: 'Seems keen.' }), input)).toEqual([
      'intent score 55 names no signal: list what the lead did or is that shows intent, or lower the score below 40',
    ]);
  });
});
