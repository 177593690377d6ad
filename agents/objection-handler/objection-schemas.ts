import { z } from 'zod';
import { AccountBriefSchema } from '../contracts/account-brief.js';
import { SequenceEmailSchema } from '../contracts/email-sequence.js';
import { InboundReplySchema } from '../reply-classifier/reply-schemas.js';

export const OBJECTION_KINDS = ['existing_tool', 'no_budget', 'timing', 'no_need', 'in_house', 'other'] as const;
export const ObjectionKindSchema = z.enum(OBJECTION_KINDS);
export type ObjectionKind = z.infer<typeof ObjectionKindSchema>;

export const ObjectionHandlerInputSchema = z.object({
  reply: InboundReplySchema,
  /** The account brief, when research ran: lets the reply lean on something true about them. */
  brief: AccountBriefSchema.optional(),
});
export type ObjectionHandlerInput = z.infer<typeof ObjectionHandlerInputSchema>;

export const ObjectionReplySchema = z.object({
  objection: ObjectionKindSchema,
  /** A reply is an email draft with the same shape as a sequence email. */
  replyDraft: SequenceEmailSchema,
  /** The different angle the reply offers, in one line, for the human who reviews it. */
  angle: z.string().trim().min(1).max(300),
  confidence: z.number().min(0).max(1),
});
export type ObjectionReply = z.infer<typeof ObjectionReplySchema>;
