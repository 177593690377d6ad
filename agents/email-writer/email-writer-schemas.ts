import { z } from 'zod';
import { AccountBriefSchema } from '../contracts/account-brief.js';
import { EmailSequenceSchema } from '../contracts/email-sequence.js';
import { EmailQaReportSchema } from '../email-qa/email-qa-schemas.js';

/**
 * A first draft needs only the brief. A rewrite in the QA loop also carries the critic's report
 * and the sequence it judged: the writer then rewrites only `feedback.failingEmails`.
 */
export const EmailWriterInputSchema = z
  .object({
    brief: AccountBriefSchema,
    feedback: EmailQaReportSchema.optional(),
    previous: EmailSequenceSchema.optional(),
  })
  .refine((input) => (input.feedback === undefined) === (input.previous === undefined), {
    error: 'feedback and previous come together: pass the QA report with the sequence it judged, or neither for a first draft',
    path: ['feedback'],
  });
export type EmailWriterInput = z.infer<typeof EmailWriterInputSchema>;
