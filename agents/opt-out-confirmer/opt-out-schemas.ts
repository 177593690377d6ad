import { z } from 'zod';
import { SequenceEmailSchema } from '../contracts/email-sequence.js';
import { InboundReplySchema } from '../reply-classifier/reply-schemas.js';

export const OPT_OUT_SCOPES = ['this_sequence', 'all_outreach'] as const;

export const OptOutInputSchema = z.object({ reply: InboundReplySchema });
export type OptOutInput = z.infer<typeof OptOutInputSchema>;

export const OptOutConfirmationSchema = z.object({
  /** A reply is an email draft with the same shape as a sequence email. */
  confirmation: SequenceEmailSchema,
  /** What to stop: this sequence only, or every outreach to this person. */
  scope: z.enum(OPT_OUT_SCOPES),
  confidence: z.number().min(0).max(1),
});
export type OptOutConfirmation = z.infer<typeof OptOutConfirmationSchema>;
