import { defineAgent } from '../runtime/define-agent.js';
import { InfoAgentInputSchema, InfoAnswerSchema } from './info-schemas.js';
import { groundingProblems } from './knowledge-grounding.js';
import { simulateInfoAnswer } from './simulate-info-answer.js';

/**
 * The specialist for questions: answers only from the approved knowledge list, names the topic
 * each answer comes from, and hands every other question to a human. Extraction, so balanced.
 */
export const infoAgent = defineAgent({
  name: 'info-agent',
  description:
    'Answers the questions in a reply from an approved knowledge list only, naming the topic behind each answer, drafts the reply, and lists the questions it could not answer for a human.',
  input: InfoAgentInputSchema,
  output: InfoAnswerSchema,
  tier: 'balanced',
  prompt: 'info-agent.md',
  timeoutMs: 45_000,
  maxOutputTokens: 2048,
  reads: ['reply', 'knowledge'],
  checks: [
    {
      name: 'answers-from-knowledge-only',
      description: 'Every answer names a topic of the knowledge list; questions it does not cover go to unanswered.',
      run: groundingProblems,
    },
  ],
  simulate: simulateInfoAnswer,
});
