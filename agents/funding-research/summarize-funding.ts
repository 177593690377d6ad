import type { FundingAnswer, FundingResearch, FundingRound } from './funding-schemas.js';

/** Code, not the model, orders the rounds and derives the latest one and the total: arithmetic is not a judgement. */
export function summarizeFunding(answer: FundingAnswer): FundingResearch {
  const rounds = [...answer.rounds].sort((left, right) => left.date.localeCompare(right.date));
  const disclosed = rounds.flatMap((round) => (round.amountUsd === undefined ? [] : [round.amountUsd]));
  return {
    ...answer,
    rounds,
    latestRound: rounds.at(-1),
    totalRaisedUsd: disclosed.length === 0 ? undefined : disclosed.reduce((sum, amount) => sum + amount, 0),
  };
}

/** `noDataFound` is the model's explicit claim; it must agree with the rounds it lists. */
export function noDataProblems(answer: Pick<FundingAnswer, 'noDataFound' | 'rounds'>): string[] {
  const count = answer.rounds.length;
  if (answer.noDataFound && count > 0) {
    return [`noDataFound is true but rounds lists ${count} round${count === 1 ? '' : 's'}: set noDataFound to false, or drop rounds that are not about this company`];
  }
  if (!answer.noDataFound && count === 0) {
    return ['rounds is empty but noDataFound is false: set noDataFound to true when no funding round was found (bootstrapped, private or unknown)'];
  }
  return [];
}

const STAGE_LABELS: Readonly<Record<FundingRound['stage'], string>> = {
  pre_seed: 'pre-seed round', seed: 'seed round', series_a: 'Series A', series_b: 'Series B', series_c: 'Series C', series_d: 'Series D',
  series_e_plus: 'late-stage round', growth: 'growth round', debt: 'debt financing', grant: 'grant', ipo: 'IPO', undisclosed: 'undisclosed round',
};

/** "Series B", "seed round": how a reader names the stage. */
export function stageLabel(stage: FundingRound['stage']): string {
  return STAGE_LABELS[stage];
}

/** "$40M", "$2.5M", "$750K". */
export function formatUsd(amount: number): string {
  if (amount >= 1_000_000) return `$${Number((amount / 1_000_000).toFixed(1))}M`;
  return `$${Math.round(amount / 1_000)}K`;
}
