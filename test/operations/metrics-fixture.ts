import { z } from 'zod';
import { defineWorkflow, gate, loop, pipeline, step } from '../../src/engine/workflow/define-workflow.js';
import type { ReviewPolicy } from '../../src/engine/approvals/review-policy.js';
import { drafter, measure, reviewer, shout } from '../engine/fixture-agents.js';

const Text = z.object({ text: z.string() });
const Topic = z.object({ topic: z.string() });

/** Small workflows whose runs end in outcomes the metrics tests can predict. */
export const metricsWorkflows = [
  defineWorkflow({ name: 'shout_and_measure', version: '1', description: 'pipeline', input: Text, root: pipeline('main', [step(shout), step(measure)]) }),
  defineWorkflow({ name: 'draft', version: '1', description: 'loop', input: Topic, root: loop('write', { producer: drafter, critic: reviewer, maxIterations: 3 }) }),
  defineWorkflow({ name: 'shout_with_approval', version: '1', description: 'gate', input: Text, root: pipeline('main', [step(shout), gate('approve', 'send_sequence')]) }),
  defineWorkflow({ name: 'shout_low_risk', version: '1', description: 'gate settled by policy', input: Text, root: pipeline('main', [step(shout), gate('log', 'log_only')]) }),
];

export const metricsPolicies: Readonly<Record<string, ReviewPolicy>> = {
  log_only: { risk: 'low', reviewers: { users: [], groups: [] }, expiresInMinutes: 60, onExpiry: 'reject', escalateTo: { users: [], groups: [] } },
};
