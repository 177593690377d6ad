import { z } from 'zod';
import { defineAgent } from '../../agents/runtime/define-agent.js';

/**
 * Small agents for exercising the engine's patterns: their simulators answer from their input
 * through the real runner, so every path below is the production path but the model.
 */
const Text = z.object({ text: z.string().min(1) });

export const shout = defineAgent({
  name: 'shout',
  description: 'Upper-cases a text.',
  input: Text,
  output: z.object({ text: z.string(), confidence: z.number().min(0).max(1) }),
  tier: 'fast',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['text'],
  checks: [],
  simulate: (input) => ({ text: input.text.toUpperCase(), confidence: input.text.includes('unsure') ? 0.3 : 0.9 }),
});

export const measure = defineAgent({
  name: 'measure',
  description: 'Counts the characters of a text.',
  input: Text,
  output: z.object({ text: z.string(), length: z.number().int() }),
  tier: 'fast',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['text'],
  checks: [],
  simulate: (input) => ({ text: input.text, length: input.text.length }),
});

export const sorter = defineAgent({
  name: 'sorter',
  description: 'Routes a text to "letters" or "digits".',
  input: Text,
  output: z.object({ category: z.enum(['letters', 'digits', 'noise']), confidence: z.number().min(0).max(1), reason: z.string() }),
  tier: 'fast',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['text'],
  checks: [],
  simulate: (input) => ({
    category: /^\d+$/.test(input.text) ? 'digits' : input.text.startsWith('~') ? 'noise' : 'letters',
    confidence: input.text.includes('?') ? 0.4 : 0.95,
    reason: 'looked at the characters',
  }),
});

const Topic = z.object({ topic: z.string().min(1) });
const Facts = z.object({ facts: z.array(z.string()) });

function researcher(name: string) {
  return defineAgent({
    name,
    description: `Finds facts (${name}).`,
    input: Topic,
    output: Facts,
    tier: 'balanced',
    prompt: 'reply-classifier.md',
    timeoutMs: 5_000,
    reads: ['topic'],
    checks: [],
    simulate: (input) => ({ facts: [`${name} on ${input.topic}`] }),
  });
}
export const researcherOne = researcher('researcher-one');
export const researcherTwo = researcher('researcher-two');

export const synthesiser = defineAgent({
  name: 'synthesiser',
  description: 'Merges research branches.',
  input: z.object({ topic: z.string(), branches: z.object({ one: Facts.optional(), two: Facts.optional() }), missing: z.array(z.object({ branch: z.string(), reason: z.string() })) }),
  output: z.object({ summary: z.string(), missing: z.array(z.string()) }),
  tier: 'deep',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['topic', 'branches', 'missing'],
  checks: [],
  simulate: (input) => ({
    summary: [...(input.branches.one?.facts ?? []), ...(input.branches.two?.facts ?? [])].join('; '),
    missing: input.missing.map((entry) => entry.branch),
  }),
});

const Draft = z.object({ draft: z.string(), round: z.number().int() });

export const drafter = defineAgent({
  name: 'drafter',
  description: 'Writes a draft, better each round.',
  input: z.object({ topic: z.string(), feedback: z.object({ pass: z.boolean(), notes: z.string() }).optional(), previous: Draft.optional() }),
  output: Draft,
  tier: 'deep',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['topic', 'feedback', 'previous'],
  checks: [],
  simulate: (input) => ({ draft: `draft ${(input.previous?.round ?? 0) + 1} on ${input.topic}`, round: (input.previous?.round ?? 0) + 1 }),
});

export const reviewer = defineAgent({
  name: 'reviewer',
  description: 'Passes a draft from the round named in the topic ("pass at 2"); never when the topic says "never".',
  input: z.object({ topic: z.string(), draft: z.string(), round: z.number().int() }),
  output: z.object({ pass: z.boolean(), notes: z.string() }),
  tier: 'balanced',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['topic', 'draft', 'round'],
  checks: [],
  simulate: (input) => {
    const needed = Number(/pass at (\d)/.exec(input.topic)?.[1] ?? '1');
    const pass = !input.topic.includes('never') && input.round >= needed;
    return { pass, notes: pass ? 'fine' : `round ${input.round} is not good enough` };
  },
});

export const proposerA = defineAgent({
  name: 'proposer-a',
  description: 'Proposes a title.',
  input: Topic,
  output: z.object({ title: z.string() }),
  tier: 'deep',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['topic'],
  checks: [],
  simulate: (input) => ({ title: `A: ${input.topic}` }),
});

export const proposerB = defineAgent({ ...proposerA, name: 'proposer-b', simulate: (input: { topic: string }) => ({ title: `B: ${input.topic}` }) });

export const judge = defineAgent({
  name: 'judge',
  description: 'Picks the longest title.',
  input: z.object({ topic: z.string(), candidates: z.array(z.object({ title: z.string() })) }),
  output: z.object({ choice: z.number().int().min(0), reason: z.string() }),
  tier: 'balanced',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['topic', 'candidates'],
  checks: [],
  simulate: (input) => ({ choice: input.candidates.length - 1, reason: 'the last one' }),
});
