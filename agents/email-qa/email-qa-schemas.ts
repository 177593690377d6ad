import { z } from 'zod';
import { SequenceEmailSchema, SequenceSignalSchema, type SequenceEmail } from '../contracts/email-sequence.js';

/** The critic checks the writer's emails as written, so it reads the sequence contract itself. */
export const EmailDraftSchema = SequenceEmailSchema;
export type EmailDraft = SequenceEmail;
/** The account signal the sequence is built on; the first email must name it. */
export const EmailSignalSchema = SequenceSignalSchema;

export const EmailQaInputSchema = z.object({
  emails: z.array(EmailDraftSchema).min(1, 'there are no emails to check').max(3, 'a cold sequence has at most 3 emails'),
  signal: EmailSignalSchema,
});
export type EmailQaInput = z.infer<typeof EmailQaInputSchema>;

/** What the model judges: the rules that need reading, not counting. */
export const EmailJudgementSchema = z.object({
  emails: z
    .array(
      z.object({
        email: z.number().int().min(1).max(3),
        pitchesProduct: z.boolean(),
        askCount: z.number().int().min(0).max(10),
        evidence: z.string().trim().max(300),
      }),
    )
    .min(1)
    .max(3),
  confidence: z.number().min(0).max(1),
});
export type EmailJudgement = z.infer<typeof EmailJudgementSchema>;

export const RULE_NAMES = ['word-count', 'banned-phrase', 'em-dash', 'subject-line', 'signal-presence', 'no-pitch', 'single-ask'] as const;
export const RuleNameSchema = z.enum(RULE_NAMES);
export type RuleName = z.infer<typeof RuleNameSchema>;

export const EmailQaFailureSchema = z.object({
  /** 1-based position in the sequence, so "Email 1" in a message and `email: 1` agree. */
  email: z.number().int().min(1).max(3),
  rule: RuleNameSchema,
  message: z.string(),
});
export type EmailQaFailure = z.infer<typeof EmailQaFailureSchema>;

export const EmailQaReportSchema = z.object({
  pass: z.boolean(),
  failures: z.array(EmailQaFailureSchema),
  rules: z.array(z.object({ rule: RuleNameSchema, checkedBy: z.enum(['code', 'model']), passed: z.boolean() })),
  /** Emails to rewrite: only these go back to the writer, the others are kept. */
  failingEmails: z.array(z.number().int().min(1).max(3)),
  confidence: z.number().min(0).max(1),
});
export type EmailQaReport = z.infer<typeof EmailQaReportSchema>;
