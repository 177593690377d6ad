import { z } from 'zod';
import type { ChangeProposal } from '../../src/contracts/crm-write.js';
import { followUpSchedule } from '../../src/contracts/follow-up.js';
import { crmRecord, defineWorkflow, effect, pipeline, route, step } from '../../src/engine/workflow/define-workflow.js';
import { AccountBriefSchema } from '../contracts/account-brief.js';
import { ContactRefSchema } from '../contracts/contact-ref.js';
import { SEQUENCE_STATUS_FIELD } from '../contracts/sequence-fields.js';
import { KnowledgeEntrySchema } from '../info-agent/info-schemas.js';
import { BookingSchema } from '../meeting-booker/meeting-booker-schemas.js';
import { OptOutOutcomeSchema, type OptOutOutcome } from '../opt-out-confirmer/opt-out-schemas.js';
import { InboundReplySchema } from '../reply-classifier/reply-schemas.js';
import type { AgentCatalog } from '../agent-catalog.js';

export const HandleReplyInputSchema = z.object({
  reply: InboundReplySchema,
  receivedAt: z.iso.datetime({ offset: true }),
  booking: BookingSchema,
  knowledge: z.array(KnowledgeEntrySchema).max(50),
  /** The CRM record the reply came from; without it nothing is written and no follow-up is addressed. */
  contact: ContactRefSchema.optional(),
  brief: AccountBriefSchema.optional(),
});

/** An opt-out stops the sequence always, and all email when the person asked for that. */
export function optOutChanges(outcome: OptOutOutcome): ChangeProposal[] {
  if (outcome.contact === undefined) return [];
  const changes = [{ field: SEQUENCE_STATUS_FIELD, newValue: 'stopped' }, ...(outcome.scope === 'all_outreach' ? [{ field: 'HasOptedOutOfEmail', newValue: true }] : [])];
  // The person said so in writing: the write does not hinge on the model's confidence in its draft.
  return [{ record: outcome.contact, changes, confidence: 1 }];
}

/** Seed 000's router: the classifier decides, specialists act, and below the threshold a person picks the category. */
export function handleReplyWorkflow(agents: AgentCatalog) {
  return defineWorkflow({
    name: 'handle_reply',
    version: '2',
    description:
      'Classifies an inbound reply and acts on it: meeting times for a positive reply, an acknowledgement for an objection, answers from the approved knowledge for a question; an out-of-office gets its return date read and a follow-up queued for then; an opt-out gets a confirmation, the sequence stopped and (when asked) email opt-out recorded in the CRM; spam gets no reply. Below 70% confidence a human picks the category first, and that choice is kept as a labelled example. Returns the classification and the draft; no email is sent.',
    input: HandleReplyInputSchema,
    root: route('triage', {
      router: agents.get('reply-classifier'),
      threshold: 0.7,
      reviewAction: 'review_classification',
      branches: {
        positive: step(agents.get('meeting-booker')),
        objection: step(agents.get('objection-handler')),
        question: step(agents.get('info-agent')),
        out_of_office: pipeline('away', [step(agents.get('out-of-office-parser')), effect('follow-up', followUpSchedule)]),
        not_interested: pipeline('opt-out', [
          step(agents.get('opt-out-confirmer')),
          crmRecord('record', { actor: 'opt-out-confirmer', input: OptOutOutcomeSchema, propose: optOutChanges }),
        ]),
        spam: null,
      },
    }),
  });
}
