import type { EmailRules } from '../email-qa/email-rules.js';
import { defineAgent } from '../runtime/define-agent.js';
import { bannedPhraseProblems, lengthProblems, MAX_OBJECTION_REPLY_WORDS, questionProblems } from './acknowledgement-rules.js';
import { ObjectionHandlerInputSchema, ObjectionReplySchema } from './objection-schemas.js';
import { createObjectionSimulator } from './simulate-objection-reply.js';

/**
 * The specialist for objections: names the objection, then drafts a reply that acknowledges it
 * and offers a different angle, never an argument. Judging tone is the model's job; code holds
 * the proxies for "acknowledges, not argues": short, one question, none of the banned phrases.
 */
export function createObjectionHandlerAgent(rules: EmailRules) {
  return defineAgent({
    name: 'objection-handler',
    description:
      'Names the objection in a reply (existing_tool, no_budget, timing, no_need, in_house, other) and drafts a short answer that acknowledges it, offers a different angle and asks one soft question.',
    input: ObjectionHandlerInputSchema,
    output: ObjectionReplySchema,
    tier: 'deep',
    prompt: 'objection-handler.md',
    timeoutMs: 60_000,
    maxOutputTokens: 1024,
    reads: ['reply', 'brief'],
    checks: [
      { name: 'short-reply', description: `The reply body is ${MAX_OBJECTION_REPLY_WORDS} words or fewer: it acknowledges, it does not argue.`, run: lengthProblems },
      { name: 'one-question', description: 'The reply body asks exactly one question.', run: questionProblems },
      { name: 'no-banned-phrases', description: 'The reply uses none of prompts/rules/banned-phrases.txt.', run: (answer) => bannedPhraseProblems(answer, rules.bannedPhrases) },
    ],
    simulate: createObjectionSimulator(rules.bannedPhrases),
  });
}
