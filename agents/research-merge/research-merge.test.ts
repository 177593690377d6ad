import { beforeAll, describe, expect, it } from 'vitest';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { sampleResearchBranches } from '../../test/support/sample-research-branches.js';
import { AccountBriefSchema } from '../contracts/account-brief.js';
import { fundingResearch } from '../funding-research/funding-research.js';
import { hiringResearch } from '../hiring-research/hiring-research.js';
import type { AnyAgent } from '../runtime/agent-definition.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { signalResearch } from '../signal-research/signal-research.js';
import { techStackResearch } from '../tech-stack-research/tech-stack-research.js';
import type { BranchName } from './branch-coverage.js';
import { researchMerge } from './research-merge.js';

let runner: AgentRunner;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
});

const BRANCH_AGENTS: Readonly<Record<Exclude<BranchName, 'sources'>, AnyAgent>> = { funding: fundingResearch, hiring: hiringResearch, techStack: techStackResearch, signals: signalResearch };

/** The fan-out in offline mode: every branch agent through the real runner, then the merge. */
async function researchAccount(domain: string, skip: readonly BranchName[] = []) {
  const account = { name: 'Globex', domain };
  const branches: Record<string, unknown> = {};
  for (const [branch, agent] of Object.entries(BRANCH_AGENTS)) {
    if (skip.includes(branch as BranchName)) continue;
    const result = await runner.run(agent, { account });
    if (!result.ok) throw result.error;
    branches[branch] = result.output;
  }
  const missing = skip.map((branch) => ({ branch, reason: 'timed out after 60 s' }));
  const result = await runner.run(researchMerge, { account, branches, missing });
  if (!result.ok) throw result.error;
  return result;
}

describe('research-merge in offline mode', () => {
  it('merges the four branches into an AccountBrief: one signal per event, every source kept, the committee from the people found', async () => {
    const result = await researchAccount('globex.io');
    const brief = AccountBriefSchema.parse(result.output);
    expect(result).toMatchObject({ simulated: true, confidence: brief.confidence });
    expect(brief.missing).toEqual([]);
    const funding = brief.signals.filter((signal) => signal.kind === 'funding');
    expect(funding).toHaveLength(1);
    expect(funding[0]?.sources.length).toBe(2);
    expect(brief.buyingCommittee.length).toBeGreaterThan(0);
    for (const member of brief.buyingCommittee) expect(member.sources.length).toBeGreaterThan(0);
    expect(brief.snapshot.summary).toMatch(/^\[simulated\] /);
    expect(brief.problemHypothesis).toMatch(/^\[simulated\] /);
  });

  it('carries two missing branches through unchanged, lowers confidence and names no committee without the hiring branch', async () => {
    const full = await researchAccount('globex.io');
    const result = await researchAccount('globex.io', ['hiring', 'techStack']);
    const brief = AccountBriefSchema.parse(result.output);
    expect(brief.missing).toEqual([{ branch: 'hiring', reason: 'timed out after 60 s' }, { branch: 'techStack', reason: 'timed out after 60 s' }]);
    expect(brief.confidence).toBeLessThanOrEqual(0.5);
    expect(brief.confidence).toBeLessThan(full.output.confidence);
    expect(brief.buyingCommittee).toEqual([]);
    expect(brief.snapshot.summary).toContain('Not researched: hiring (timed out after 60 s), techStack (timed out after 60 s).');
  });

  it('briefs a bootstrapped company with no funding signal and says no funding data was found', async () => {
    const { output } = await researchAccount('bootstrapped-tools.com');
    expect(output.signals.some((signal) => signal.kind === 'funding')).toBe(false);
    expect(output.snapshot.summary).toContain('No funding data found.');
  });

  it('keeps the more recent of two employee counts and says so in the summary', async () => {
    const result = await runner.run(researchMerge, { account: { name: 'Northwind Logistics', domain: 'northwind-logistics.com' }, branches: sampleResearchBranches(), missing: [] });
    if (!result.ok) throw result.error;
    expect(result.output.snapshot.employeeCount).toBe(240);
    expect(result.output.snapshot.summary).toContain(
      'Employee count 240 (hiring research, https://linkedin.example/company/northwind, 2026-11-18) kept over 180 (funding research, https://crunchbase.example/organization/northwind, 2026-05-01): the more recent source.',
    );
  });

  it('prefers the more confident count when both were seen on the same day', async () => {
    const branches = sampleResearchBranches();
    branches.funding.company = { employeeCount: 180, source: { source: 'https://crunchbase.example/o/northwind', observedAt: '2026-11-18', confidence: 0.95 } };
    const result = await runner.run(researchMerge, { account: { name: 'Northwind', domain: 'northwind-logistics.com' }, branches, missing: [] });
    expect(result.ok && result.output.snapshot).toMatchObject({ employeeCount: 180 });
    expect(result.ok && result.output.snapshot.summary).toContain('the more confident source');
  });
});

describe('research-merge input', () => {
  const account = { name: 'Northwind', domain: 'northwind-logistics.com' };

  async function problemsOf(branches: object, missing: object[]) {
    const result = await runner.run(researchMerge, { account, branches, missing });
    if (result.ok) throw new Error('expected the input to be refused');
    expect(result.error.code).toBe('input_invalid');
    return result.error.message;
  }

  it('refuses a branch that answered and is also listed as missing', async () => {
    const { funding, hiring, techStack, signals } = sampleResearchBranches();
    const message = await problemsOf({ funding, hiring, techStack, signals }, [{ branch: 'hiring', reason: 'timeout' }]);
    expect(message).toContain('missing.0.branch: "hiring" has an answer in branches and is listed as missing');
  });

  it('refuses an absent branch nobody listed as missing, naming it', async () => {
    const { funding, techStack, signals } = sampleResearchBranches();
    const message = await problemsOf({ funding, techStack, signals }, []);
    expect(message).toContain('branches.hiring: no answer and not listed in missing: add { branch: "hiring", reason }');
  });

  it('refuses to merge when every branch is missing', async () => {
    const missing = ['funding', 'hiring', 'techStack', 'signals'].map((branch) => ({ branch, reason: 'error' }));
    expect(await problemsOf({}, missing)).toContain('branches: every research branch is missing, so there is nothing to merge');
  });

  it('receives only the account, the branches and the missing list', () => {
    const input = runner.prepareInput(researchMerge, { account, branches: sampleResearchBranches(), missing: [], crmNotes: 'secret' });
    expect(Object.keys(input)).toEqual(['account', 'branches', 'missing']);
  });
});
