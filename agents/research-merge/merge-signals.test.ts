import { describe, expect, it } from 'vitest';
import type { Signal } from '../contracts/account-brief.js';
import { mergeSignals } from './merge-signals.js';

const source = (url: string, confidence = 0.8) => ({ source: url, observedAt: '2026-10-14', confidence });
const signal = (overrides: Partial<Signal>): Signal => ({
  kind: 'funding',
  summary: 'Raised a $45M Series B.',
  keywords: ['Series B'],
  strength: 'moderate',
  sources: [source('https://news.example/a')],
  ...overrides,
});

describe('mergeSignals', () => {
  it('folds signals of one kind with overlapping keywords into one, keeping the first summary and every keyword and source', () => {
    const merged = mergeSignals([
      signal({ keywords: ['Series B', '$45M'], recencyDays: 40, sources: [source('https://news.example/a', 0.7)] }),
      signal({ summary: 'Northwind closes Series B round', keywords: ['series b ', 'Harbor Lane'], recencyDays: 38, strength: 'strong', sources: [source('https://news.example/a', 0.9), source('https://blog.example/b')] }),
    ]);
    expect(merged).toEqual([
      signal({
        keywords: ['Series B', '$45M', 'Harbor Lane'],
        recencyDays: 38,
        strength: 'strong',
        sources: [source('https://news.example/a', 0.9), source('https://blog.example/b')],
      }),
    ]);
  });

  it('folds signals with the same kind and summary even when their keywords differ', () => {
    expect(mergeSignals([signal({ keywords: ['raise'] }), signal({ summary: 'raised a $45M  series B', keywords: ['funding round'] })])).toHaveLength(1);
  });

  it('keeps signals of different kinds apart, whatever their keywords', () => {
    expect(mergeSignals([signal({}), signal({ kind: 'news', summary: 'Covered in the press.' })])).toHaveLength(2);
  });

  it('orders the strongest first, then the most recent, undated last', () => {
    const ordered = mergeSignals([
      signal({ kind: 'news', summary: 'a', keywords: ['a1'], strength: 'weak', recencyDays: 1 }),
      signal({ kind: 'hiring', summary: 'b', keywords: ['b1'], strength: 'strong' }),
      signal({ kind: 'expansion', summary: 'c', keywords: ['c1'], strength: 'strong', recencyDays: 9 }),
    ]);
    expect(ordered.map((entry) => entry.summary)).toEqual(['c', 'b', 'a']);
  });
});
