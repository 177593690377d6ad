import { describe, expect, it } from 'vitest';
import { measureAgreement } from './agreement.js';

describe('agreement with a known-good output', () => {
  it('scores a category exactly and a reworded reason by the words it shares', () => {
    const known = { output: { category: 'positive', reason: 'They say they are interested and offer next week.' }, fields: { category: 'exact' as const, reason: 'tokens' as const } };
    const same = measureAgreement({ category: 'positive', reason: 'They say they are interested and offer next week.' }, known);
    expect(same.score).toBe(1);
    const reworded = measureAgreement({ category: 'positive', reason: 'Interested, and next week works for them.' }, known);
    expect(reworded.fields.find((field) => field.path === 'category')?.score).toBe(1);
    const reason = reworded.fields.find((field) => field.path === 'reason')?.score ?? 0;
    expect(reason).toBeGreaterThan(0.3);
    expect(reason).toBeLessThan(1);
    const wrong = measureAgreement({ category: 'objection', reason: 'They say they are interested and offer next week.' }, known);
    expect(wrong.score).toBe(0.5);
  });

  it('compares every top-level field by its kind when no fields are named', () => {
    const known = { output: { tags: ['a', 'b'], confidence: 0.9, done: true, text: 'alpha beta' }, fields: {} };
    const result = measureAgreement({ tags: ['b', 'c'], confidence: 0.88, done: false, text: 'alpha gamma' }, known);
    expect(result.fields).toEqual([
      { path: 'tags', measure: 'auto', score: 0.333 },
      { path: 'confidence', measure: 'auto', score: 1 },
      { path: 'done', measure: 'auto', score: 0 },
      { path: 'text', measure: 'auto', score: 0.5 },
    ]);
    expect(result.score).toBe(0.458);
  });

  it('gives a missing field nothing and a far number a proportional score', () => {
    const known = { output: { body: 'hello there', count: 10 }, fields: { body: 'tokens' as const, count: 'number' as const } };
    const result = measureAgreement({ count: 5 }, known);
    expect(result.fields).toEqual([
      { path: 'body', measure: 'tokens', score: 0 },
      { path: 'count', measure: 'number', score: 0.5 },
    ]);
  });

  it('reads nested paths into lists', () => {
    const known = { output: { emails: [{ subject: 'Your Series B' }] }, fields: { 'emails.0.subject': 'exact' as const } };
    expect(measureAgreement({ emails: [{ subject: 'Your Series B' }] }, known).score).toBe(1);
    expect(measureAgreement({ emails: [] }, known).score).toBe(0);
  });
});
