import { z } from 'zod';
import { defineWorkflow, pipeline, step } from '../../src/engine/workflow/define-workflow.js';
import { tally, whisper } from './error-fixture-agents.js';
import { shout } from './fixture-agents.js';

/** Shared by the durability test and the worker process it kills: both must know the same workflow. */
export const crashWorkflows = [
  defineWorkflow({
    name: 'slow_middle',
    version: '1',
    description: 'three stages; the model behind the middle one is slow',
    input: z.object({ text: z.string() }),
    root: pipeline('main', [step(shout), step(tally), step(whisper)]),
  }),
];
