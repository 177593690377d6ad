import { defineAgent } from '../runtime/define-agent.js';
import { ReplyClassificationSchema, ReplyClassifierInputSchema } from './reply-schemas.js';
import { simulateReplyClassification } from './simulate-reply-classification.js';

/**
 * The router of the inbound-reply workflow: it classifies and never acts, on the fast tier
 * because speed matters here and creativity does not.
 */
export const replyClassifier = defineAgent({
  name: 'reply-classifier',
  description:
    'Classifies an inbound reply to outbound prospecting as positive, objection, question, out_of_office, not_interested or spam, with a confidence and a one-sentence reason.',
  input: ReplyClassifierInputSchema,
  output: ReplyClassificationSchema,
  tier: 'fast',
  prompt: 'reply-classifier.md',
  timeoutMs: 20_000,
  maxOutputTokens: 512,
  reads: ['reply'],
  checks: [
    {
      name: 'reason-is-specific',
      description: 'The reason says what in the reply led to the category, not just the category name.',
      run: (answer) =>
        answer.reason.trim().split(/\s+/).length < 4
          ? [`reason "${answer.reason}" is too short: say in one sentence which words of the reply led to "${answer.category}"`]
          : [],
    },
  ],
  simulate: simulateReplyClassification,
});
