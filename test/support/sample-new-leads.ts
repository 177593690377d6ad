import type { RepRoster } from '../../src/contracts/rep-roster.js';
import type { Enrichment } from '../../agents/lead-enricher/enrichment-schemas.js';
import type { NewLead } from '../../agents/lead-enricher/lead-schemas.js';

/** A complete inbound lead, as the seeded CRM's first lead would arrive on `lead.created`. */
export const RACHEL: NewLead = {
  id: '00QBt0000000000001',
  firstName: 'Rachel',
  lastName: 'Ng',
  email: 'rachel.ng@brightpath-learning.example',
  company: 'Brightpath Learning',
  website: 'https://www.brightpath-learning.example',
  title: 'VP of Sales',
  industry: 'Education',
  numberOfEmployees: 320,
  country: 'United States',
  leadSource: 'Web',
  status: 'Open - Not Contacted',
};

/** A lead nothing is known about: no employee count, no country, a company no source covers. */
export const SPARSE: NewLead = { id: '00QSPARSE000000001', lastName: 'Doe', email: 'j.doe@unknown-widgets.example', company: 'Unknown Widgets' };

const source = { source: 'https://data.example/brightpath', observedAt: '2026-10-01', confidence: 0.8 };

/** Brightpath as a good enrichment answers it: every firmographic sourced but the city. */
export const RACHEL_ENRICHMENT: Enrichment = {
  domain: 'brightpath-learning.example',
  firmographics: {
    industry: { value: 'Education', source: { source: 'lead-record', confidence: 0.9 } },
    employeeCount: { value: 320, source: { source: 'lead-record', confidence: 0.9 } },
    annualRevenueUsd: { value: 48_000_000, source },
    country: { value: 'US', source: { source: 'lead-record', confidence: 0.9 } },
    state: { value: 'MA', source },
    foundedYear: { value: 2009, source },
  },
  technographics: [{ category: 'crm', product: 'Salesforce', source }, { category: 'sales_engagement', product: 'Outreach', source }],
  unknown: ['city'],
  confidence: 0.8,
};

/** The seeded book's five account executives, with loads chosen by each test. */
export function sampleRoster(loads: Partial<Record<string, number>> = {}): RepRoster {
  const rep = (userId: string, name: string, segment: string, territory: string) => {
    const load = loads[name] ?? 3;
    return { userId, name, segment, territory, openLeads: Math.min(load, 2), openOpportunities: Math.max(load - 2, 0), load };
  };
  return {
    reps: [
      rep('005Bt0000000000001', 'Priya Raman', 'Enterprise', 'North America East'),
      rep('005Bt0000000000002', 'Marcus Bell', 'Enterprise', 'North America West'),
      rep('005Bt0000000000003', 'Daniel Okafor', 'Mid-Market', 'North America East'),
      rep('005Bt0000000000004', 'Hannah Weiss', 'Mid-Market', 'EMEA'),
      rep('005Bt0000000000005', 'Luis Ortega', 'SMB', 'North America West'),
    ],
    source: 'embedded-crm',
    readAt: '2026-11-20T09:00:00.000Z',
  };
}
