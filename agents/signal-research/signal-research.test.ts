import { beforeAll, describe, expect, it } from 'vitest';
import type { Signal } from '../contracts/account-brief.js';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { signalResearch } from './signal-research.js';
import { SignalResearchSchema } from './signal-schemas.js';

let runner: AgentRunner;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
});

async function research(domain: string) {
  const result = await runner.run(signalResearch, { account: { name: 'Test Company', domain } });
  if (!result.ok) throw result.error;
  return result;
}

describe('signal-research in offline mode', () => {
  it('returns signals in the brief contract, each with keywords, recency, strength and a simulated source', async () => {
    const result = await research('acme.com');
    const output = SignalResearchSchema.parse(result.output);
    expect(result.simulated).toBe(true);
    expect(output.signals.length).toBeGreaterThan(0);
    for (const signal of output.signals) {
      expect(signal.summary).toMatch(/^\[simulated\] /);
      expect(signal.recencyDays).toBeGreaterThanOrEqual(0);
      expect(signal.sources.map((source) => source.source)).toEqual(['simulated']);
    }
  });

  it('reports the same simulated company as the funding and hiring branches: a recent round becomes a funding signal', async () => {
    const { output } = await research('globex.io');
    expect(output.signals.find((signal) => signal.kind === 'funding')).toMatchObject({ keywords: ['Series B', '$52M'], strength: 'moderate' });
  });

  it('gives the same signals for the same domain every time', async () => {
    expect((await research('acme.com')).output).toEqual((await research('acme.com')).output);
  });

  it('returns no signal and low confidence for a company no source knows', async () => {
    const { output } = await research('unknown-widgets.io');
    expect(output.signals).toEqual([]);
    expect(output.confidence).toBeLessThan(0.5);
  });

  it('receives only the account', () => {
    const account = { name: 'Acme', domain: 'acme.com' };
    expect(runner.prepareInput(signalResearch, { account, brief: {} })).toEqual({ account });
  });
});

describe('signal-research checks', () => {
  const input = { account: { name: 'Acme', domain: 'acme.com' } };
  const signal = (kind: Signal['kind'], summary: string): Signal => ({ kind, summary, keywords: ['Series B'], strength: 'strong', sources: [{ source: 'https://news.example/a', confidence: 0.9 }] });

  it('rejects the same event reported twice, however it is spaced or capitalised', () => {
    const answer = { signals: [signal('funding', 'Raised a $45M Series B.'), signal('news', 'Raised a $45M Series B.'), signal('funding', 'raised a  $45M series b')], sources: [], confidence: 0.8 };
    expect(agentCheckMessages(signalResearch, answer, input)).toEqual([
      'signals[0] and signals[2] are both funding signals with the summary "Raised a $45M Series B.": merge them into one signal that keeps both sets of sources',
    ]);
  });
});
