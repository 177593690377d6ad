import { describe, expect, it } from 'vitest';
import { isSampled, rateFromOutcomes } from './review-rate.js';

const now = new Date('2026-11-22T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('progressive review rate', () => {
  it('reviews everything until there are 30 days and 20 decisions of quality data', () => {
    expect(rateFromOutcomes({ firstDecisionAt: null, decisions: 0, unchanged: 0 }, now).rate).toBe(1);
    expect(rateFromOutcomes({ firstDecisionAt: daysAgo(29), decisions: 200, unchanged: 200 }, now).rate).toBe(1);
    expect(rateFromOutcomes({ firstDecisionAt: daysAgo(45), decisions: 19, unchanged: 19 }, now).rate).toBe(1);
  });

  it('drops to half after 30 days with nine in ten approved unchanged, and stays at 100% below that', () => {
    expect(rateFromOutcomes({ firstDecisionAt: daysAgo(31), decisions: 40, unchanged: 36 }, now)).toMatchObject({ rate: 0.5, daysOfData: 31, unchangedShare: 0.9 });
    expect(rateFromOutcomes({ firstDecisionAt: daysAgo(31), decisions: 40, unchanged: 35 }, now).rate).toBe(1);
  });

  it('spot-checks 10% after 60 days at 95%, and never reaches 0', () => {
    expect(rateFromOutcomes({ firstDecisionAt: daysAgo(61), decisions: 100, unchanged: 95 }, now).rate).toBe(0.1);
    expect(rateFromOutcomes({ firstDecisionAt: daysAgo(61), decisions: 100, unchanged: 94 }, now).rate).toBe(0.5);
    expect(rateFromOutcomes({ firstDecisionAt: daysAgo(3650), decisions: 10_000, unchanged: 10_000 }, now).rate).toBe(0.1);
  });

  it('samples the same item the same way every time, at about the rate', () => {
    expect(isSampled('run-1:gate', 0.5)).toBe(isSampled('run-1:gate', 0.5));
    const sampled = Array.from({ length: 2_000 }, (_, index) => isSampled(`run-${index}:gate`, 0.1)).filter(Boolean).length;
    expect(sampled).toBeGreaterThan(140);
    expect(sampled).toBeLessThan(260);
    expect(isSampled('anything', 1)).toBe(true);
  });
});
