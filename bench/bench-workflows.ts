import { z } from 'zod';
import { defineAgent } from '../agents/runtime/define-agent.js';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from '../src/engine/approvals/review-policy.js';
import { defineWorkflow, fanOut, gate, pipeline, step, type WorkflowDefinition } from '../src/engine/workflow/define-workflow.js';
import { shout } from '../test/engine/fixture-agents.js';

/**
 * The workflows the engine benchmarks run. Agents are the test fixtures' or defined the same
 * way: real definitions through the real runner; only the model differs (offline simulator, or
 * the fake Messages API when latency matters).
 */

export const PIPELINE_STEPS = 4;

/** Four `shout` steps in a pipeline; each stage reads the previous one's `text`. */
export const benchPipeline = defineWorkflow({
  name: 'bench_pipeline',
  version: '1',
  description: 'four zero-latency steps in a pipeline',
  input: z.object({ text: z.string() }),
  root: pipeline('main', Array.from({ length: PIPELINE_STEPS }, (_, index) => step(shout, { id: `s${index + 1}` }))),
});
export const PIPELINE_LAST_KEY = `main/s${PIPELINE_STEPS}`;

/** A gate first, then one step: a started run waits for a person before any job exists. */
export const benchGated = defineWorkflow({
  name: 'bench_gated',
  version: '1',
  description: 'a high-risk gate, then one step',
  input: z.object({ text: z.string() }),
  root: pipeline('main', [gate('approve', 'send_sequence'), step(shout, { id: 'after' })]),
});
export const GATED_STEP_KEY = 'main/after';
/** High risk always waits for a person (seed 003); stated here rather than relying on the default. */
export const HIGH_RISK_POLICIES: Readonly<Record<string, ReviewPolicy>> = { send_sequence: { ...DEFAULT_REVIEW_POLICY, risk: 'high' } };

const Topic = z.object({ topic: z.string().min(1) });
const Facts = z.object({ facts: z.array(z.string()) });
const Summary = z.object({ summary: z.string(), count: z.number().int() });

/** A research branch; with the fake Messages API it answers after the fake's delay. */
export const benchBranch = defineAgent({
  name: 'bench-branch',
  description: 'Finds facts about a topic (a slow model call).',
  input: Topic,
  output: Facts,
  tier: 'balanced',
  prompt: 'reply-classifier.md',
  timeoutMs: 30_000,
  reads: ['topic'],
  checks: [],
  simulate: (input) => ({ facts: [`fact on ${input.topic}`] }),
});

export const benchMerge = defineAgent({
  name: 'bench-merge',
  description: 'Merges every branch.',
  input: z.object({ topic: z.string(), branches: z.record(z.string(), z.unknown()), missing: z.array(z.object({ branch: z.string(), reason: z.string() })) }),
  output: Summary,
  tier: 'balanced',
  prompt: 'reply-classifier.md',
  timeoutMs: 30_000,
  reads: ['topic', 'branches', 'missing'],
  checks: [],
  simulate: (input) => ({ summary: input.topic, count: Object.keys(input.branches).length }),
});

/** The merge of a single branch: what the ideal critical path (one branch, then merge) runs. */
export const benchMergeOne = defineAgent({
  name: 'bench-merge-one',
  description: 'Merges one branch.',
  input: Facts,
  output: Summary,
  tier: 'balanced',
  prompt: 'reply-classifier.md',
  timeoutMs: 30_000,
  reads: ['facts'],
  checks: [],
  simulate: (input) => ({ summary: input.facts.join('; '), count: 1 }),
});

export function fanOutWorkflow(width: number): WorkflowDefinition {
  return defineWorkflow({
    name: `bench_fan_out_${width}`,
    version: '1',
    description: `${width} parallel branches, then a merge`,
    input: Topic,
    root: fanOut('fan', {
      branches: Object.fromEntries(Array.from({ length: width }, (_, index) => [`b${index + 1}`, step(benchBranch)])),
      merge: benchMerge,
      branchTimeoutMs: 30_000,
    }),
  });
}
export const FAN_OUT_MERGE_KEY = 'fan/merge';

/** The critical path of any fan-out: one branch, then the merge, run one after the other. */
export const benchCriticalPath = defineWorkflow({
  name: 'bench_critical_path',
  version: '1',
  description: 'one slow branch, then a merge',
  input: Topic,
  root: pipeline('path', [step(benchBranch, { id: 'branch' }), step(benchMergeOne, { id: 'merge' })]),
});
export const CRITICAL_PATH_LAST_KEY = 'path/merge';

const Text = z.object({ text: z.string().min(1) });
function crashAgent(name: string) {
  return defineAgent({
    name,
    description: `Passes its text on (${name}).`,
    input: Text,
    output: Text,
    tier: 'fast',
    prompt: 'reply-classifier.md',
    timeoutMs: 120_000,
    reads: ['text'],
    checks: [],
    simulate: (input) => ({ text: input.text }),
  });
}
/** Three steps, each its own agent so the fake Messages API counts model calls per step by tool name. */
export const CRASH_AGENTS = [crashAgent('crash-first'), crashAgent('crash-middle'), crashAgent('crash-last')] as const;
export const benchCrash = defineWorkflow({
  name: 'bench_crash',
  version: '1',
  description: 'three steps; the middle one is slow the first time',
  input: Text,
  root: pipeline('main', CRASH_AGENTS.map((agent) => step(agent))),
});

/** The tool name the runner forces for an agent: `submit_<name with underscores>`. */
export function toolOf(agent: { readonly name: string }): string {
  return `submit_${agent.name.replaceAll('-', '_')}`;
}
