/** Cases per property: a bounded number in `npm test`, more under `npm run test:reliability`. */
export function fuzzRuns(ci: number, full: number): number {
  return process.env['BATON_RELIABILITY_FULL'] === '1' ? full : ci;
}
