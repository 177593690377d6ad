import type { AccountBrief, Signal } from '../../agents/contracts/account-brief.js';

const source = { source: 'https://news.example/northwind-series-b', observedAt: '2026-10-14', confidence: 0.9 };

export const SERIES_B_SIGNAL: Signal = {
  kind: 'funding',
  summary: 'Series B of $45M announced in October 2026',
  keywords: ['Series B', '$45M'],
  recencyDays: 30,
  strength: 'strong',
  sources: [source],
};

export const HIRING_SIGNAL: Signal = {
  kind: 'hiring',
  summary: 'Six open SDR roles posted this month',
  keywords: ['SDR roles', 'hiring'],
  recencyDays: 12,
  strength: 'moderate',
  sources: [{ ...source, source: 'https://jobs.example/northwind' }],
};

/** A complete, plausible brief for Northwind Logistics: the research fan-out's answer in tests. */
export function sampleAccountBrief(overrides: Partial<AccountBrief> = {}): AccountBrief {
  return {
    account: { name: 'Northwind Logistics', domain: 'northwind-logistics.com' },
    snapshot: { industry: 'Logistics software', employeeCount: 240, headquarters: 'Chicago', summary: 'Freight visibility software for mid-size shippers.' },
    signals: [HIRING_SIGNAL, SERIES_B_SIGNAL],
    buyingCommittee: [{ name: 'Dana Ortiz', title: 'VP Sales', role: 'economic_buyer', email: 'dana.ortiz@northwind-logistics.com', sources: [source] }],
    problemHypothesis: 'Doubling SDR headcount after the raise will stretch ramp time past 90 days.',
    missing: [],
    sources: [source],
    confidence: 0.8,
    ...overrides,
  };
}
