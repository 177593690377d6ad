import type { HiringVelocity } from './hiring-schemas.js';

/** A trend is a comparison: "accelerating" or "slowing" needs both counts, and they must point the same way. */
export function trendProblems(velocity: HiringVelocity): string[] {
  const { trend, rolesOpenedLast90Days: last, rolesOpenedPrevious90Days: previous } = velocity;
  if (trend !== 'accelerating' && trend !== 'slowing') return [];
  if (previous === undefined) {
    return [`velocity.trend is "${trend}" but rolesOpenedPrevious90Days is missing: give the count for the 90 days before, or set trend to "unknown"`];
  }
  if (trend === 'accelerating' && last <= previous) {
    return [`velocity.trend is "accelerating" but ${last} roles in the last 90 days is not more than ${previous} in the 90 days before: set trend to "steady" or "slowing", or correct the counts`];
  }
  if (trend === 'slowing' && last >= previous) {
    return [`velocity.trend is "slowing" but ${last} roles in the last 90 days is not fewer than ${previous} in the 90 days before: set trend to "steady" or "accelerating", or correct the counts`];
  }
  return [];
}

/** The trend the counts show, with a 25% band either way counted as steady. */
export function trendOf(last: number, previous: number): HiringVelocity['trend'] {
  if (last > previous * 1.25) return 'accelerating';
  if (last < previous * 0.8) return 'slowing';
  return 'steady';
}
