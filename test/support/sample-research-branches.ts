import type { ResearchBranches } from '../../agents/research-merge/research-merge-schemas.js';

const press = { source: 'https://news.example/northwind-series-b', observedAt: '2026-10-14', confidence: 0.9 };
const crunchbase = { source: 'https://crunchbase.example/organization/northwind', observedAt: '2026-05-01', confidence: 0.7 };
const linkedIn = { source: 'https://linkedin.example/company/northwind', observedAt: '2026-11-18', confidence: 0.8 };
const posting = (role: string) => ({ source: `https://jobs.example/northwind/${role}`, observedAt: '2026-11-18', confidence: 0.85 });
const seriesB = { date: '2026-10-14', stage: 'series_b' as const, amountUsd: 45_000_000, investors: ['Harbor Lane Capital'], sources: [press] };

/**
 * What the four research branches might say about Northwind Logistics, as real research would:
 * the funding profile and the company page disagree on headcount, and the Series B and the hiring
 * spree are each reported by two branches.
 */
export function sampleResearchBranches(): Required<Omit<ResearchBranches, 'sources'>> {
  return {
    funding: {
      noDataFound: false,
      rounds: [{ date: '2023-05-10', stage: 'seed', amountUsd: 3_000_000, investors: [], sources: [crunchbase] }, seriesB],
      latestRound: seriesB,
      totalRaisedUsd: 48_000_000,
      runwayEstimate: 'Likely 24+ months: $45M Series B in 2026-10 for about 200 employees.',
      company: { industry: 'Logistics software', headquarters: 'Chicago, IL', employeeCount: 180, source: crunchbase },
      sources: [crunchbase, press],
      confidence: 0.85,
    },
    hiring: {
      openRoles: [
        { title: 'Sales Development Representative', department: 'sales', seniority: 'entry', location: 'Chicago, IL', postedAt: '2026-11-10', sources: [posting('sdr')] },
        { title: 'Revenue Operations Manager', department: 'revenue_operations', seniority: 'manager', location: 'Remote (US)', postedAt: '2026-11-02', sources: [posting('revops')] },
      ],
      velocity: { rolesOpenedLast90Days: 12, rolesOpenedPrevious90Days: 5, trend: 'accelerating' },
      orgSignals: [{ summary: 'First Revenue Operations hire: no RevOps team is listed.', keywords: ['first RevOps hire', 'RevOps'], sources: [posting('revops')] }],
      people: [
        { name: 'Dana Ortiz', title: 'VP Sales', department: 'sales', sources: [{ ...linkedIn, source: 'https://linkedin.example/in/dana-ortiz' }] },
        { name: 'Sam Lee', title: 'Director of Revenue Operations', department: 'revenue_operations', sources: [posting('revops')] },
      ],
      headcount: { employeeCount: 240, source: linkedIn },
      sources: [linkedIn],
      confidence: 0.8,
    },
    techStack: {
      stack: [
        { category: 'crm', vendor: 'Salesforce', product: 'Sales Cloud', evidence: 'The RevOps posting requires Salesforce administration.', sources: [posting('revops')] },
        { category: 'sales_engagement', vendor: 'Outreach', evidence: 'The SDR posting lists Outreach.', sources: [posting('sdr')] },
      ],
      recentChanges: [{ change: 'added', category: 'sales_engagement', vendor: 'Outreach', date: '2026-09-01', evidence: 'Postings switched from Salesloft to Outreach.', sources: [posting('sdr')] }],
      integrationPoints: [{ systems: ['Outreach', 'Salesforce'], summary: 'Outreach logs activity to Salesforce.', sources: [posting('revops')] }],
      sources: [posting('sdr')],
      confidence: 0.75,
    },
    signals: {
      signals: [
        { kind: 'funding', summary: 'Raised a $45M Series B led by Harbor Lane Capital.', keywords: ['Series B', '$45M'], recencyDays: 39, strength: 'strong', sources: [{ ...press, source: 'https://blog.example/northwind-b' }] },
        { kind: 'hiring', summary: 'Hiring 12 sales roles after the raise.', keywords: ['hiring', 'SDR roles'], recencyDays: 4, strength: 'strong', sources: [posting('sdr')] },
      ],
      sources: [press],
      confidence: 0.8,
    },
  };
}
