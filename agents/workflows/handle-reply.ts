import { z } from 'zod';
import { AccountBriefSchema } from '../contracts/account-brief.js';
import { InboundReplySchema } from '../reply-classifier/reply-schemas.js';
import { BookingSchema } from '../meeting-booker/meeting-booker-schemas.js';
import { KnowledgeEntrySchema } from '../info-agent/info-schemas.js';
import { defineWorkflow, route, step } from '../../src/engine/workflow/define-workflow.js';
import type { AgentCatalog } from '../agent-catalog.js';

export const HandleReplyInputSchema = z.object({
  reply: InboundReplySchema,
  receivedAt: z.iso.datetime({ offset: true }),
  booking: BookingSchema,
  knowledge: z.array(KnowledgeEntrySchema).max(50),
  brief: AccountBriefSchema.optional(),
});

/** Seed 000's router: the classifier decides, specialists act, and below the threshold a person picks the category. */
export function handleReplyWorkflow(agents: AgentCatalog) {
  return defineWorkflow({
    name: 'handle_reply',
    version: '1',
    description:
      'Classifies an inbound reply and drafts the right response: meeting times for a positive reply, an acknowledgement for an objection, answers from the approved knowledge for a question, a follow-up date for an out-of-office, an opt-out confirmation; spam gets no reply. Below 70% confidence a human picks the category first. Returns the classification and the draft; nothing is sent.',
    input: HandleReplyInputSchema,
    root: route('triage', {
      router: agents.get('reply-classifier'),
      threshold: 0.7,
      reviewAction: 'review_classification',
      branches: {
        positive: step(agents.get('meeting-booker')),
        objection: step(agents.get('objection-handler')),
        question: step(agents.get('info-agent')),
        out_of_office: step(agents.get('out-of-office-parser')),
        not_interested: step(agents.get('opt-out-confirmer')),
        spam: null,
      },
    }),
  });
}
