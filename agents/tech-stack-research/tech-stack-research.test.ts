import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { techStackResearch } from './tech-stack-research.js';
import { TechStackResearchSchema, type StackTool, type TechStackResearch } from './tech-stack-schemas.js';

let runner: AgentRunner;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
});

async function research(domain: string) {
  const result = await runner.run(techStackResearch, { account: { name: 'Test Company', domain } });
  if (!result.ok) throw result.error;
  return result;
}

describe('tech-stack-research in offline mode', () => {
  it('lists a CRM and other tools by category, each with labelled evidence and a simulated source', async () => {
    const result = await research('northwind-logistics.com');
    const output = TechStackResearchSchema.parse(result.output);
    expect(result.simulated).toBe(true);
    expect(output.stack.map((tool) => tool.category)).toContain('crm');
    expect(output.stack.length).toBeGreaterThanOrEqual(4);
    for (const tool of output.stack) {
      expect(tool.evidence).toMatch(/^\[simulated\] /);
      expect(tool.sources.map((source) => source.source)).toEqual(['simulated']);
    }
  });

  it('simulates recent changes and integrations that agree with the stack, across many companies', async () => {
    const outputs = await Promise.all(Array.from({ length: 30 }, (_unused, index) => research(`company-${index}.com`)));
    const changes = outputs.flatMap(({ output }) => output.recentChanges);
    expect(changes.some((change) => change.change === 'added')).toBe(true);
    expect(changes.some((change) => change.change === 'removed')).toBe(true);
    for (const { output } of outputs) {
      const vendors = new Set(output.stack.map((tool) => tool.vendor));
      for (const point of output.integrationPoints) for (const system of point.systems) expect(vendors).toContain(system);
    }
  });

  it('gives the same stack for the same domain every time', async () => {
    expect((await research('globex.io')).output).toEqual((await research('globex.io')).output);
  });

  it('returns empty lists and low confidence for a company no source knows', async () => {
    const { output } = await research('unknown-widgets.io');
    expect(output).toMatchObject({ stack: [], recentChanges: [], integrationPoints: [] });
    expect(output.confidence).toBeLessThan(0.5);
  });

  it('receives only the account', () => {
    const account = { name: 'Globex', domain: 'globex.io' };
    expect(runner.prepareInput(techStackResearch, { account, signals: [] })).toEqual({ account });
  });
});

describe('tech-stack-research checks', () => {
  const input = { account: { name: 'Globex', domain: 'globex.io' } };
  const source = { source: 'https://jobs.example/globex', confidence: 0.8 };
  const tool = (vendor: string, category: StackTool['category'] = 'sales_engagement'): StackTool => ({ category, vendor, evidence: 'In a posting', sources: [source] });
  const answer = (overrides: Partial<TechStackResearch>): TechStackResearch => ({ stack: [], recentChanges: [], integrationPoints: [], sources: [], confidence: 0.7, ...overrides });
  const change = (kind: 'added' | 'removed', vendor: string, date: string) => ({ change: kind, category: 'sales_engagement' as const, vendor, date, evidence: 'Postings changed', sources: [source] });

  it('rejects the same tool listed twice in a category', () => {
    expect(agentCheckMessages(techStackResearch, answer({ stack: [tool('Outreach'), tool('outreach ')] }), input)).toEqual([
      'stack lists Outreach (sales_engagement) 2 times: keep one entry and merge their sources',
    ]);
  });

  it('rejects a removed tool still in the stack, and an added one missing from it', () => {
    const messages = agentCheckMessages(
      techStackResearch,
      answer({ stack: [tool('Salesloft')], recentChanges: [change('removed', 'Salesloft', '2026-06-01'), change('added', 'Outreach', '2026-06-01')] }),
      input,
    );
    expect(messages).toEqual([
      'recentChanges says Salesloft (sales_engagement) was removed on 2026-06-01, but stack still lists it: drop it from stack, or correct the change',
      'recentChanges says Outreach (sales_engagement) was added on 2026-06-01, but stack does not list it: add it to stack with its evidence, or correct the change',
    ]);
  });

  it('judges a tool by its latest change, and keeps one vendor in two categories apart', () => {
    const stack = [tool('Salesforce', 'crm'), tool('Outreach')];
    const recentChanges = [change('added', 'Outreach', '2025-01-01'), change('removed', 'Outreach', '2025-06-01'), change('added', 'Outreach', '2026-02-01')];
    const removedMarketing = { ...change('removed', 'Salesforce', '2026-03-01'), category: 'marketing_automation' as const };
    expect(agentCheckMessages(techStackResearch, answer({ stack, recentChanges: [...recentChanges, removedMarketing] }), input)).toEqual([]);
  });
});
