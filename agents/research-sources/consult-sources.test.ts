import { describe, expect, it } from 'vitest';
import { consultSources } from './consult-sources.js';
import type { ResearchSource } from './research-source.js';

const account = { name: 'Northwind Logistics', domain: 'northwind-logistics.example' };
const finding = { source: { source: 'warehouse', confidence: 0.8 }, company: { employeeCount: 4200 }, people: [{ name: 'Olivia Carter', title: 'VP of Sales' }], notes: [] };

const answering: ResearchSource = { name: 'warehouse', fetch: () => Promise.resolve([finding]) };
const failing: ResearchSource = { name: 'enrichment', fetch: () => Promise.reject(new Error('HTTP 503 from the enrichment API')) };
const slow: ResearchSource = {
  name: 'slow',
  fetch: (_account, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        resolve([finding]);
      }, 5_000);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
      });
    }),
};
const malformed: ResearchSource = { name: 'broken', fetch: () => Promise.resolve([{ source: { source: 'broken', confidence: 7 } }] as never) };

describe('consulting the research sources', () => {
  it('keeps what answered and lists, with the reason, each source that failed, timed out or answered nonsense', async () => {
    const result = await consultSources([answering, failing, slow, malformed], account, 50);
    expect(result.findings).toEqual([{ ...finding, notes: [] }]);
    expect(result.failed.map((entry) => entry.source)).toEqual(['enrichment', 'slow', 'broken']);
    expect(result.failed[0]!.reason).toBe('HTTP 503 from the enrichment API');
    expect(result.failed[1]!.reason).toBe('no answer within 50 ms');
    expect(result.failed[2]!.reason).toMatch(/confidence/);
  });

  it('returns nothing, and no failures, when there are no sources', async () => {
    expect(await consultSources([], account, 50)).toEqual({ findings: [], failed: [] });
  });
});
