import { z } from 'zod';

export const SequenceEmailSchema = z.object({
  subject: z.string().trim().min(1, 'the subject line is empty').max(200),
  body: z.string().trim().min(1, 'the body is empty').max(5_000),
});
export type SequenceEmail = z.infer<typeof SequenceEmailSchema>;

/** The signal a sequence is built on, in the shape the email QA critic checks. */
export const SequenceSignalSchema = z.object({
  summary: z.string().trim().min(1).max(300),
  keywords: z.array(z.string().trim().min(2)).min(1, 'give at least one keyword a reader would see in the email').max(10),
});

/** The email writer's answer: exactly three emails and the signal they lean on. */
export const EmailSequenceSchema = z.object({
  emails: z.array(SequenceEmailSchema).length(3, 'a cold sequence has exactly 3 emails'),
  signal: SequenceSignalSchema,
  confidence: z.number().min(0).max(1),
});
export type EmailSequence = z.infer<typeof EmailSequenceSchema>;
