import { z } from 'zod';

/** The six categories of an inbound reply to outbound prospecting; every reply is exactly one. */
export const REPLY_CATEGORIES = ['positive', 'objection', 'question', 'out_of_office', 'not_interested', 'spam'] as const;
export const ReplyCategorySchema = z.enum(REPLY_CATEGORIES);
export type ReplyCategory = z.infer<typeof ReplyCategorySchema>;

export const InboundReplySchema = z.object({
  text: z.string().trim().min(1, 'the reply text is empty').max(20_000, 'a reply longer than 20,000 characters is not a reply'),
  subject: z.string().max(500).optional(),
  from: z.email().optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});
export type InboundReply = z.infer<typeof InboundReplySchema>;

export const ReplyClassifierInputSchema = z.object({ reply: InboundReplySchema });
export type ReplyClassifierInput = z.infer<typeof ReplyClassifierInputSchema>;

export const ReplyClassificationSchema = z.object({
  category: ReplyCategorySchema,
  confidence: z.number().min(0).max(1),
  reason: z.string().trim().min(1).max(300),
});
export type ReplyClassification = z.infer<typeof ReplyClassificationSchema>;
