import { describe, expect, it } from 'vitest';
import { useFakeModelRunner } from '../../test/support/fake-model-runner.js';
import { signalResearch } from './signal-research.js';
import type { SignalResearch } from './signal-schemas.js';

const TOOL = 'submit_signal_research';
const account = { name: 'Northwind Logistics', domain: 'northwind-logistics.com' };
const press = { source: 'https://news.example/northwind-series-b', observedAt: '2026-10-14', confidence: 0.9 };
const seriesB = { kind: 'funding' as const, summary: 'Raised a $45M Series B led by Harbor Lane Capital on 2026-10-14.', keywords: ['Series B', '$45M'], recencyDays: 39, strength: 'strong' as const, sources: [press] };
const ANSWER: SignalResearch = { signals: [seriesB], sources: [press], confidence: 0.85 };

const model = useFakeModelRunner();

describe('signal-research with a model (the real SDK against the fake Messages API)', () => {
  it('returns the scripted answer, validated, on the balanced tier', async () => {
    model.fake.script(TOOL, { reply: ANSWER });
    const result = await model.runner.run(signalResearch, { account });
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ output: ANSWER, simulated: false, model: 'claude-sonnet-5-5', calls: 1 });
  });

  it('repairs an answer that lists the same event twice, once, quoting the check', async () => {
    model.fake.script(TOOL, { reply: { ...ANSWER, signals: [seriesB, { ...seriesB, sources: [{ ...press, source: 'https://blog.example/b' }] }] } }, { reply: ANSWER });
    const result = await model.runner.run(signalResearch, { account });
    expect(result.ok && result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('- signals[0] and signals[1] are both funding signals with the summary');
  });

  it('repairs a signal without sources or keywords, once', async () => {
    model.fake.script(TOOL, { reply: { ...ANSWER, signals: [{ ...seriesB, sources: [], keywords: [] }] } }, { reply: ANSWER });
    const result = await model.runner.run(signalResearch, { account });
    expect(result.ok).toBe(true);
    expect(model.repairText(TOOL)).toContain('- signals.0.keywords: Too small');
    expect(model.repairText(TOOL)).toContain('- signals.0.sources: Too small');
  });
});
