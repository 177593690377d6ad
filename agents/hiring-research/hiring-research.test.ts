import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { hiringResearch } from './hiring-research.js';
import { HiringResearchSchema, type HiringResearch, type HiringVelocity } from './hiring-schemas.js';

let runner: AgentRunner;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
});

async function research(domain: string) {
  const result = await runner.run(hiringResearch, { account: { name: 'Test Company', domain } });
  if (!result.ok) throw result.error;
  return result;
}

describe('hiring-research in offline mode', () => {
  it('lists open roles with department, seniority and location, each sourced, and a velocity that matches its trend', async () => {
    const result = await research('northwind-logistics.com');
    const output = HiringResearchSchema.parse(result.output);
    expect(result.simulated).toBe(true);
    expect(output.openRoles.length).toBeGreaterThan(0);
    for (const role of output.openRoles) expect(role.sources.map((source) => source.source)).toEqual(['simulated']);
    expect(agentCheckMessages(hiringResearch, output, { account: { name: 'Test Company', domain: 'northwind-logistics.com' } })).toEqual([]);
    expect(output.headcount?.employeeCount).toBeGreaterThan(0);
  });

  it('labels every piece of prose and every simulated person, so none passes for real research', async () => {
    const outputs = await Promise.all(['northwind-logistics.com', 'initech.com', 'globex.io', 'acme.com'].map(research));
    const labelled = outputs.flatMap(({ output }) => [...output.orgSignals.map((signal) => signal.summary), ...output.people.map((person) => person.name)]);
    expect(labelled.length).toBeGreaterThan(4);
    for (const text of labelled) expect(text).toMatch(/^\[simulated\] /);
  });

  it('gives the same answer for the same domain every time', async () => {
    expect((await research('initech.com')).output).toEqual((await research('initech.com')).output);
  });

  it('finds nothing for a company no source knows, and says so with trend "unknown" and low confidence', async () => {
    const { output } = await research('unknown-widgets.io');
    expect(output).toMatchObject({ openRoles: [], orgSignals: [], people: [], velocity: { rolesOpenedLast90Days: 0, trend: 'unknown' } });
    expect(output.confidence).toBeLessThan(0.5);
  });

  it('receives only the account', () => {
    const account = { name: 'Initech', domain: 'initech.com' };
    expect(runner.prepareInput(hiringResearch, { account, funding: { rounds: [] } })).toEqual({ account });
  });
});

describe('hiring-research checks', () => {
  const input = { account: { name: 'Initech', domain: 'initech.com' } };
  const withVelocity = (velocity: HiringVelocity): HiringResearch => ({ openRoles: [], velocity, orgSignals: [], people: [], sources: [], confidence: 0.7 });

  it('rejects an accelerating trend the counts do not show', () => {
    expect(agentCheckMessages(hiringResearch, withVelocity({ rolesOpenedLast90Days: 3, rolesOpenedPrevious90Days: 8, trend: 'accelerating' }), input)).toEqual([
      'velocity.trend is "accelerating" but 3 roles in the last 90 days is not more than 8 in the 90 days before: set trend to "steady" or "slowing", or correct the counts',
    ]);
  });

  it('rejects a slowing trend the counts do not show', () => {
    expect(agentCheckMessages(hiringResearch, withVelocity({ rolesOpenedLast90Days: 9, rolesOpenedPrevious90Days: 4, trend: 'slowing' }), input)).toEqual([
      'velocity.trend is "slowing" but 9 roles in the last 90 days is not fewer than 4 in the 90 days before: set trend to "steady" or "accelerating", or correct the counts',
    ]);
  });

  it('rejects a trend with nothing to compare against', () => {
    expect(agentCheckMessages(hiringResearch, withVelocity({ rolesOpenedLast90Days: 9, trend: 'accelerating' }), input)).toEqual([
      'velocity.trend is "accelerating" but rolesOpenedPrevious90Days is missing: give the count for the 90 days before, or set trend to "unknown"',
    ]);
  });

  it('accepts steady and unknown trends whatever the counts', () => {
    expect(agentCheckMessages(hiringResearch, withVelocity({ rolesOpenedLast90Days: 9, trend: 'unknown' }), input)).toEqual([]);
    expect(agentCheckMessages(hiringResearch, withVelocity({ rolesOpenedLast90Days: 9, rolesOpenedPrevious90Days: 8, trend: 'steady' }), input)).toEqual([]);
  });
});
