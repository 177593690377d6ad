import { describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { sampleResearchBranches } from '../../test/support/sample-research-branches.js';
import type { AccountBrief, Signal } from '../contracts/account-brief.js';
import {
  committeeProblems,
  confidenceProblems,
  duplicateBriefSignalProblems,
  missingBranchProblems,
  unsourcedSignalProblems,
} from './account-brief-rules.js';
import { researchMerge } from './research-merge.js';
import { ResearchMergeInputSchema, type ResearchSynthesis } from './research-merge-schemas.js';

const press = { source: 'https://news.example/b', observedAt: '2026-10-14', confidence: 0.9 };
const seriesB: Signal = { kind: 'funding', summary: 'Raised a $45M Series B.', keywords: ['Series B'], strength: 'strong', sources: [press] };
const missingHiring = [{ branch: 'hiring' as const, reason: 'timed out after 60 s' }];

function brief(overrides: Partial<AccountBrief>): Pick<AccountBrief, 'missing' | 'signals' | 'confidence'> {
  return { missing: [], signals: [seriesB], confidence: 0.6, ...overrides };
}

describe('account brief rules, on a bad brief', () => {
  it('missing must be the input\'s, entry for entry', () => {
    const problems = missingBranchProblems(brief({ missing: [{ branch: 'techStack', reason: 'error' }] }), { missing: missingHiring });
    expect(problems).toEqual([
      'missing lacks hiring (timed out after 60 s), which the input lists as missing: carry input.missing through unchanged',
      'missing lists techStack (error), which the input does not list as missing: carry input.missing through unchanged',
    ]);
    expect(missingBranchProblems(brief({ missing: missingHiring }), { missing: missingHiring })).toEqual([]);
  });

  it('every signal keeps at least one source', () => {
    expect(unsourcedSignalProblems(brief({ signals: [seriesB, { ...seriesB, kind: 'news', sources: [] }] }))).toEqual([
      'signals[1] ("Raised a $45M Series B.") has no source: keep the sources of the branch findings it came from',
    ]);
  });

  it('no two signals share a kind and a summary', () => {
    expect(duplicateBriefSignalProblems(brief({ signals: [seriesB, { ...seriesB, sources: [{ ...press, source: 'https://blog.example/b' }] }] }))).toEqual([
      'signals[0] and signals[1] are both funding signals with the summary "Raised a $45M Series B.": merge them into one signal that keeps both sets of sources',
    ]);
  });

  it('confidence is at most 0.7 when any branch is missing', () => {
    const twoMissing = [...missingHiring, { branch: 'techStack' as const, reason: 'rate limited' }];
    expect(confidenceProblems(brief({ confidence: 0.85 }), { missing: twoMissing })).toEqual([
      'confidence 0.85 is above 0.7 while 2 research branches are missing (hiring (timed out after 60 s), techStack (rate limited)): lower it to 0.7 or less, and lower still the more is missing',
    ]);
    expect(confidenceProblems(brief({ confidence: 0.7 }), { missing: twoMissing })).toEqual([]);
    expect(confidenceProblems(brief({ confidence: 0.95 }), { missing: [] })).toEqual([]);
  });

  it('the committee is people the research found, each once', () => {
    const input = { branches: sampleResearchBranches() };
    const answer = { buyingCommittee: [{ name: 'dana  ortiz', role: 'economic_buyer' as const }, { name: 'Pat Doe', role: 'champion' as const }, { name: 'Dana Ortiz', role: 'user' as const }] };
    expect(committeeProblems(answer, input)).toEqual([
      'buyingCommittee[1] "Pat Doe" is not among the people the research found ("Dana Ortiz", "Sam Lee"): use only people from branches.hiring.people or branches.sources.findings[].people, named as there',
      'buyingCommittee lists "Dana Ortiz" more than once: list each person once, with one role',
    ]);
    expect(committeeProblems({ buyingCommittee: [{ name: 'Pat Doe', role: 'user' }] }, { branches: {} })[0]).toContain('(none: neither the hiring branch nor the data sources named anyone, so leave buyingCommittee empty)');
  });
});

describe('research-merge checks, on a bad model answer', () => {
  const { hiring: _hiring, ...branches } = sampleResearchBranches();
  const input = ResearchMergeInputSchema.parse({ account: { name: 'Northwind Logistics', domain: 'northwind-logistics.com' }, branches, missing: missingHiring });
  const answer: ResearchSynthesis = { summary: 'Logistics software company.', problemHypothesis: 'Ramp.', buyingCommittee: [], confidence: 0.6 };

  it('passes a good answer', () => {
    expect(agentCheckMessages(researchMerge, answer, input)).toEqual([]);
  });

  it('rejects an overconfident answer and an invented contact, each with a specific message', () => {
    const messages = agentCheckMessages(researchMerge, { ...answer, confidence: 0.9, buyingCommittee: [{ name: 'Dana Ortiz', role: 'economic_buyer' as const }] }, input);
    expect(messages).toEqual([
      'confidence 0.9 is above 0.7 while 1 research branch is missing (hiring (timed out after 60 s)): lower it to 0.7 or less, and lower still the more is missing',
      'buyingCommittee[0] "Dana Ortiz" is not among the people the research found (none: neither the hiring branch nor the data sources named anyone, so leave buyingCommittee empty): use only people from branches.hiring.people or branches.sources.findings[].people, named as there',
    ]);
  });
});
