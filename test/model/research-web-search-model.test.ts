import { describe, expect, it } from 'vitest';
import { fundingResearch } from '../../agents/funding-research/funding-research.js';
import type { FundingAnswer } from '../../agents/funding-research/funding-schemas.js';
import { hiringResearch } from '../../agents/hiring-research/hiring-research.js';
import { signalResearch } from '../../agents/signal-research/signal-research.js';
import type { AnyAgent } from '../../agents/runtime/agent-definition.js';
import { techStackResearch } from '../../agents/tech-stack-research/tech-stack-research.js';
import { DEFAULT_MODEL_PRICES } from '../../src/config.js';
import { createOfflineRunner } from '../support/offline-runner.js';
import { useFakeModelRunner } from '../support/fake-model-runner.js';

const TOOL = 'submit_funding_research';
const account = { name: 'Northwind Logistics', domain: 'northwind-logistics.com' };
const PRESS = { url: 'https://example.com/news/northwind-series-b', title: 'Northwind raises $45M Series B', pageAge: '2026-03-02' };
const PROFILE = { url: 'https://example.com/org/northwind', title: 'Northwind Logistics company profile' };
const seriesB = {
  date: '2026-03-02',
  stage: 'series_b' as const,
  amountUsd: 45_000_000,
  investors: ['Harbor Lane Capital'],
  sources: [{ source: PRESS.url, observedAt: '2026-03-02', confidence: 0.9 }],
};
const ANSWER: FundingAnswer = {
  noDataFound: false,
  rounds: [seriesB],
  runwayEstimate: 'Likely 24+ months: $45M Series B in 2026-03.',
  sources: [{ source: PROFILE.url, observedAt: '2026-11-20', confidence: 0.8 }],
  confidence: 0.8,
};
const SONNET = DEFAULT_MODEL_PRICES['claude-sonnet-5-5']!;

interface SentBody {
  readonly tools: readonly Record<string, unknown>[];
  readonly tool_choice: unknown;
}

const model = useFakeModelRunner();

describe('research agents with web search (the real SDK against the fake Messages API)', () => {
  it('funding-research searches, then answers citing the pages it found, and its cost includes the searches', async () => {
    model.fake.script(TOOL, {
      searches: [{ query: 'Northwind Logistics funding', results: [PRESS] }, { query: 'northwind-logistics.com company profile', results: [PROFILE] }],
      then: { reply: ANSWER },
    });
    const result = await model.runner.run(fundingResearch, { account });
    if (!result.ok) throw result.error;

    expect(result).toMatchObject({ simulated: false, calls: 1, usage: { webSearchRequests: 2 } });
    const { usage } = result;
    const tokens = (usage.inputTokens * SONNET.input + usage.outputTokens * SONNET.output + usage.cacheWriteTokens * SONNET.cacheWrite + usage.cacheReadTokens * SONNET.cacheRead) / 1e6;
    expect(result.costUsd).toBeCloseTo(tokens + 0.02, 12);
    expect(result.output.latestRound?.sources[0]?.source).toBe(PRESS.url);
    expect(result.output.sources.map((source) => source.source)).toContain(PROFILE.url);
    const body = model.fake.requestsFor(TOOL)[0]?.body as SentBody;
    expect(body.tools[1]).toEqual({ type: 'web_search_20250305', name: 'web_search', max_uses: 4 });
    expect(body.tool_choice).toEqual({ type: 'auto' });
  });

  it('funding-research repairs an answer that searched but never called its tool, without searching again', async () => {
    model.fake.script(TOOL, { searches: [{ query: 'Northwind Logistics funding', results: [PRESS] }], then: { text: 'Northwind raised a $45M Series B in March 2026.' } }, { reply: ANSWER });
    const result = await model.runner.run(fundingResearch, { account });
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    expect(result.usage.webSearchRequests).toBe(1);
    expect(model.repairText(TOOL)).toContain(`answer with a call to the ${TOOL} tool; no tool call was made`);
    const repair = model.fake.requestsFor(TOOL)[1]?.body as SentBody;
    expect(repair.tools).toHaveLength(1);
    expect(repair.tool_choice).toEqual({ type: 'tool', name: TOOL });
  });

  it.each<[string, AnyAgent, number]>([
    ['funding-research', fundingResearch, 4],
    ['hiring-research', hiringResearch, 3],
    ['tech-stack-research', techStackResearch, 3],
    ['signal-research', signalResearch, 5],
  ])('%s offers the web search tool with its own max_uses', async (_name, agent, maxUses) => {
    const tool = `submit_${agent.name.replaceAll('-', '_')}`;
    model.fake.script(tool, { error: 400, message: 'stop after the request is recorded' });
    await model.runner.run(agent, { account });
    const body = model.fake.requestsFor(tool)[0]?.body as SentBody;
    expect(body.tools.map((entry) => entry['type'] ?? entry['name'])).toEqual([tool, 'web_search_20250305']);
    expect(body.tools[1]).toMatchObject({ max_uses: maxUses });
    expect(body.tool_choice).toEqual({ type: 'auto' });
  });
});

describe('web search in offline mode', () => {
  it('is ignored: the simulator answers with no search and no cost', async () => {
    const { runner } = await createOfflineRunner();
    const result = await runner.run(fundingResearch, { account });
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ simulated: true, costUsd: 0, calls: 1 });
    expect(result.usage).not.toHaveProperty('webSearchRequests');
  });

  it('is enabled on exactly the four research branches', async () => {
    const { agents } = await createOfflineRunner();
    const searching = agents.list().filter((agent) => agent.webSearch !== undefined).map((agent) => agent.name);
    expect(searching.sort()).toEqual(['funding-research', 'hiring-research', 'signal-research', 'tech-stack-research']);
  });
});
