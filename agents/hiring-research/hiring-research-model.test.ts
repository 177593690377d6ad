import { describe, expect, it } from 'vitest';
import { useFakeModelRunner } from '../../test/support/fake-model-runner.js';
import { hiringResearch } from './hiring-research.js';
import type { HiringResearch } from './hiring-schemas.js';

const TOOL = 'submit_hiring_research';
const account = { name: 'Northwind Logistics', domain: 'northwind-logistics.com' };
const posting = { source: 'https://jobs.example/northwind/revops-manager', observedAt: '2026-11-18', confidence: 0.9 };
const ANSWER: HiringResearch = {
  openRoles: [{ title: 'Revenue Operations Manager', department: 'revenue_operations', seniority: 'manager', location: 'Chicago, IL', postedAt: '2026-11-10', sources: [posting] }],
  velocity: { rolesOpenedLast90Days: 12, rolesOpenedPrevious90Days: 5, trend: 'accelerating' },
  orgSignals: [{ summary: 'First Revenue Operations hire: no RevOps team listed.', keywords: ['first RevOps hire'], sources: [posting] }],
  people: [{ name: 'Dana Ortiz', title: 'VP Sales', department: 'sales', sources: [{ ...posting, source: 'https://linkedin.example/in/dana-ortiz' }] }],
  headcount: { employeeCount: 240, source: { source: 'https://linkedin.example/company/northwind', observedAt: '2026-11-18', confidence: 0.8 } },
  sources: [posting],
  confidence: 0.8,
};

const model = useFakeModelRunner();

describe('hiring-research with a model (the real SDK against the fake Messages API)', () => {
  it('returns the scripted answer, validated, on the balanced tier with the hiring prompt', async () => {
    model.fake.script(TOOL, { reply: ANSWER });
    const result = await model.runner.run(hiringResearch, { account });
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ output: ANSWER, simulated: false, model: 'claude-sonnet-5-5', calls: 1 });
    expect(JSON.stringify(model.fake.requestsFor(TOOL)[0]?.body)).toContain('You research the hiring of one B2B company');
  });

  it('repairs a trend its own counts contradict, once, quoting the check', async () => {
    model.fake.script(TOOL, { reply: { ...ANSWER, velocity: { rolesOpenedLast90Days: 2, rolesOpenedPrevious90Days: 5, trend: 'accelerating' } } }, { reply: ANSWER });
    const result = await model.runner.run(hiringResearch, { account });
    expect(result.ok && result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('- velocity.trend is "accelerating" but 2 roles in the last 90 days is not more than 5');
  });

  it('escalates when the repaired answer is still invalid: a role without a source', async () => {
    const unsourced = { ...ANSWER, openRoles: [{ ...ANSWER.openRoles[0], sources: [] }] };
    model.fake.script(TOOL, { reply: unsourced }, { reply: unsourced });
    const result = await model.runner.run(hiringResearch, { account });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('model_output_invalid');
      expect(result.error.message).toContain('openRoles.0.sources: cite the job posting the role was found in');
    }
  });
});
