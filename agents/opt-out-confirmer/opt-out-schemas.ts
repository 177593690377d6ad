import { z } from 'zod';
import { ContactRefSchema } from '../contracts/contact-ref.js';
import { SequenceEmailSchema } from '../contracts/email-sequence.js';
import { InboundReplySchema } from '../reply-classifier/reply-schemas.js';

export const OPT_OUT_SCOPES = ['this_sequence', 'all_outreach'] as const;

export const OptOutInputSchema = z.object({ reply: InboundReplySchema, contact: ContactRefSchema.optional() });
export type OptOutInput = z.infer<typeof OptOutInputSchema>;

export const OptOutConfirmationSchema = z.object({
  /** A reply is an email draft with the same shape as a sequence email. */
  confirmation: SequenceEmailSchema,
  /** What to stop: this sequence only, or every outreach to this person. */
  scope: z.enum(OPT_OUT_SCOPES),
  confidence: z.number().min(0).max(1),
});
export type OptOutConfirmation = z.infer<typeof OptOutConfirmationSchema>;

/** The confirmation with the record it concerns, so the workflow can record the opt-out there. */
export const OptOutOutcomeSchema = OptOutConfirmationSchema.extend({ contact: ContactRefSchema.optional() });
export type OptOutOutcome = z.infer<typeof OptOutOutcomeSchema>;
