import { z } from 'zod';
import { defineAgent } from '../../agents/runtime/define-agent.js';

/**
 * More small agents for the error-handling, durability, budget and breaker tests (the ones in
 * fixture-agents.ts are shared with the pattern tests). Each gets its own tool name at the fake
 * model, so a test can script faults for one agent and count its calls alone.
 */
const Text = z.object({ text: z.string().min(1) });

export const whisper = defineAgent({
  name: 'whisper',
  description: 'Lower-cases a text.',
  input: Text,
  output: z.object({ text: z.string() }),
  tier: 'fast',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['text'],
  checks: [],
  simulate: (input) => ({ text: input.text.toLowerCase() }),
});

/** Counts characters, with a long time limit: the model behind it may be slow, and a test kills its worker mid-call. */
export const tally = defineAgent({
  name: 'tally',
  description: 'Counts the characters of a text, however long the model takes.',
  input: Text,
  output: z.object({ text: z.string(), length: z.number().int() }),
  tier: 'fast',
  prompt: 'reply-classifier.md',
  timeoutMs: 30_000,
  reads: ['text'],
  checks: [],
  simulate: (input) => ({ text: input.text, length: input.text.length }),
});

/** A model API that keeps answering 429 for it shows whether rate limits end in a failure. */
export const throttled = defineAgent({
  name: 'throttled',
  description: 'Echoes a text; its model is always rate limited in the test.',
  input: Text,
  output: z.object({ text: z.string() }),
  tier: 'fast',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['text'],
  checks: [],
  simulate: (input) => ({ text: input.text }),
});

/** Cheap: the fast tier and a small output allowance, so its pre-call estimate is a fraction of a cent. */
export const opener = defineAgent({
  name: 'opener',
  description: 'Writes a one-line opener.',
  input: Text,
  output: z.object({ text: z.string() }),
  tier: 'fast',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  maxOutputTokens: 256,
  reads: ['text'],
  checks: [],
  simulate: (input) => ({ text: `Opening: ${input.text}` }),
});

/** Expensive: the deep tier with the full output allowance, so its pre-call estimate is about $0.10. */
export const essayist = defineAgent({
  name: 'essayist',
  description: 'Writes a long essay.',
  input: Text,
  output: z.object({ essay: z.string() }),
  tier: 'deep',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['text'],
  checks: [],
  simulate: (input) => ({ essay: `An essay on ${input.text}` }),
});

/** Its model fails on demand in the breaker test. */
export const flaky = defineAgent({
  name: 'flaky',
  description: 'Echoes a text when its model is up.',
  input: Text,
  output: z.object({ text: z.string() }),
  tier: 'fast',
  prompt: 'reply-classifier.md',
  timeoutMs: 5_000,
  reads: ['text'],
  checks: [],
  simulate: (input) => ({ text: input.text }),
});
