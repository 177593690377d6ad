import { z } from 'zod';
import { SequenceEmailSchema } from '../contracts/email-sequence.js';
import { InboundReplySchema } from '../reply-classifier/reply-schemas.js';

export const KnowledgeEntrySchema = z.object({
  topic: z.string().trim().min(1, 'the topic is empty').max(100),
  answer: z.string().trim().min(1, 'the answer is empty').max(2_000),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntrySchema>;

export const InfoAgentInputSchema = z.object({
  reply: InboundReplySchema,
  /** The approved answers: the only facts the agent may state. Empty means every question waits for a human. */
  knowledge: z
    .array(KnowledgeEntrySchema)
    .max(50, 'give at most 50 knowledge entries')
    .refine((entries) => new Set(entries.map((entry) => entry.topic.toLowerCase())).size === entries.length, { error: 'each topic may appear only once' }),
});
export type InfoAgentInput = z.infer<typeof InfoAgentInputSchema>;

export const InfoAnswerSchema = z.object({
  answers: z
    .array(
      z.object({
        question: z.string().trim().min(1).max(500),
        answer: z.string().trim().min(1).max(2_000),
        /** The knowledge topic the answer comes from; null when none covers it and the answer only promises a follow-up. */
        fromTopic: z.string().trim().min(1).max(100).nullable(),
      }),
    )
    .max(10),
  /** A reply is an email draft with the same shape as a sequence email. */
  replyDraft: SequenceEmailSchema,
  /** Questions the knowledge list does not answer: a human follows up on these. */
  unanswered: z.array(z.string().trim().min(1).max(500)).max(10),
  confidence: z.number().min(0).max(1),
});
export type InfoAnswer = z.infer<typeof InfoAnswerSchema>;
