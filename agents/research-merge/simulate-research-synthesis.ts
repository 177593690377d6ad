import type { CommitteeMember, Signal } from '../contracts/account-brief.js';
import { simulated } from '../funding-research/research-simulation.js';
import { formatUsd, stageLabel } from '../funding-research/summarize-funding.js';
import { branchSignals } from './branch-signals.js';
import { knownPeople } from './known-people.js';
import { mergeSignals } from './merge-signals.js';
import type { ResearchMergeInput, ResearchSynthesis } from './research-merge-schemas.js';

/** The brief's confidence ceiling by the number of missing branches: every gap costs more. */
const CONFIDENCE_CEILING = [0.85, 0.65, 0.5, 0.35];

const HYPOTHESES: Readonly<Record<Signal['kind'], string>> = {
  funding: 'Fresh funding comes with aggressive growth targets: pipeline and sales capacity must grow faster than the current process allows.',
  hiring: 'Fast hiring strains onboarding and process: new reps and managers need consistent data and playbooks to ramp quickly.',
  tech_change: 'A recent change in the stack means data and workflows are being rebuilt: gaps between tools are likely during the transition.',
  leadership_change: 'A new revenue leader usually reviews the go-to-market stack and process within the first 90 days.',
  expansion: 'Expansion into new markets stretches a go-to-market process built for one region.',
  product_launch: 'A new product needs its own pipeline: the team must find and reach a new set of buyers.',
  news: 'Public attention raises inbound interest faster than the team can qualify it.',
  other: 'The research shows change in the go-to-market team; qualify which problem matters most.',
};

/** Offline stand-in for the deep model's synthesis: templates filled from the branches, labelled simulated. */
export function simulateResearchSynthesis(input: ResearchMergeInput): ResearchSynthesis {
  const strongest = mergeSignals(branchSignals(input.branches))[0];
  return {
    summary: simulated(summaryOf(input)).slice(0, 700),
    problemHypothesis: simulated(strongest === undefined ? 'Too little research to form a specific hypothesis: qualify the account before outreach.' : HYPOTHESES[strongest.kind]),
    buyingCommittee: knownPeople(input.branches).slice(0, 8).map((person) => ({ name: person.name, role: roleFor(person.title) })),
    confidence: confidenceOf(input),
  };
}

function summaryOf({ account, branches, missing }: ResearchMergeInput): string {
  const { funding, hiring, techStack } = branches;
  const round = funding?.latestRound;
  const crm = techStack?.stack.find((tool) => tool.category === 'crm');
  return [
    `${account.name} (${account.domain}).`,
    round === undefined ? undefined : `Last raised ${round.amountUsd === undefined ? 'an undisclosed' : formatUsd(round.amountUsd)} ${stageLabel(round.stage)} on ${round.date}.`,
    funding?.noDataFound === true ? 'No funding data found.' : undefined,
    hiring === undefined ? undefined : `${hiring.openRoles.length} open roles; hiring is ${hiring.velocity.trend}.`,
    crm === undefined ? undefined : `Runs ${crm.vendor} as its CRM.`,
    missing.length === 0 ? undefined : `Not researched: ${missing.map((entry) => `${entry.branch} (${entry.reason})`).join(', ')}.`,
  ].filter((part) => part !== undefined).join(' ');
}

/** Budget owners sign; the people who run the function feel the problem; system owners judge the fit. */
function roleFor(title: string): CommitteeMember['role'] {
  if (/chief|\bvp\b|vice president/i.test(title)) return 'economic_buyer';
  if (/operations|revops|head of|director/i.test(title)) return 'champion';
  if (/engineer|data|\bit\b|technology/i.test(title)) return 'technical_buyer';
  return 'user';
}

function confidenceOf({ branches, missing }: ResearchMergeInput): number {
  const present = [branches.funding, branches.hiring, branches.techStack, branches.signals].flatMap((branch) => (branch === undefined ? [] : [branch.confidence]));
  const mean = present.reduce((sum, value) => sum + value, 0) / Math.max(1, present.length);
  return Math.round(Math.min(mean, CONFIDENCE_CEILING[missing.length] ?? 0.35) * 100) / 100;
}
