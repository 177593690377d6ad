import { defineWorkflow, step, voting } from '../../src/engine/workflow/define-workflow.js';
import { ReplyClassifierInputSchema } from '../reply-classifier/reply-schemas.js';
import type { AgentCatalog } from '../agent-catalog.js';

/** One agent as a workflow: the classifier on its own, for callers that route by themselves. */
export function classifyReplyWorkflow(agents: AgentCatalog) {
  return defineWorkflow({
    name: 'classify_reply',
    version: '1',
    description:
      'Classifies an inbound reply as positive, objection, question, out_of_office, not_interested or spam, with a confidence and a one-sentence reason. Fast and read-only; takes no action. Use handle_reply to also draft the response.',
    input: ReplyClassifierInputSchema,
    root: step(agents.get('reply-classifier'), { id: 'classify' }),
  });
}

/** Seed 002's voting: the same reply classified three times, a judge picks the answer that fits best. */
export function classifyReplyByVoteWorkflow(agents: AgentCatalog) {
  const classifier = agents.get('reply-classifier');
  return defineWorkflow({
    name: 'classify_reply_by_vote',
    version: '1',
    description:
      'Classifies an inbound reply three times independently and lets a judge pick the classification that best fits, for replies where a misroute is costly. Read-only; takes no action. Slower and about three times the cost of classify_reply.',
    input: ReplyClassifierInputSchema,
    root: voting('vote', { producers: [classifier, classifier, classifier], judge: agents.get('classification-judge') }),
  });
}
