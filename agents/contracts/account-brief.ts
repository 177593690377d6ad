import { z } from 'zod';
import { AccountRefSchema, SourceSchema } from './provenance.js';

export const SignalSchema = z.object({
  kind: z.enum(['funding', 'hiring', 'tech_change', 'leadership_change', 'expansion', 'product_launch', 'news', 'other']),
  summary: z.string().trim().min(1).max(300),
  /** Words a reader would see in an email that names this signal. */
  keywords: z.array(z.string().trim().min(2).max(60)).min(1).max(10),
  recencyDays: z.number().int().min(0).max(3650).optional(),
  strength: z.enum(['weak', 'moderate', 'strong']),
  sources: z.array(SourceSchema).min(1),
});
export type Signal = z.infer<typeof SignalSchema>;

export const CommitteeMemberSchema = z.object({
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(200),
  role: z.enum(['economic_buyer', 'champion', 'technical_buyer', 'user', 'blocker', 'unknown']),
  email: z.email().optional(),
  sources: z.array(SourceSchema).min(1),
});
export type CommitteeMember = z.infer<typeof CommitteeMemberSchema>;

/** The research fan-out's answer and the cold sequence's starting point. */
export const AccountBriefSchema = z.object({
  account: AccountRefSchema,
  snapshot: z.object({
    industry: z.string().max(200).optional(),
    employeeCount: z.number().int().positive().optional(),
    headquarters: z.string().max(200).optional(),
    summary: z.string().trim().min(1).max(1_000),
  }),
  signals: z.array(SignalSchema).max(20),
  buyingCommittee: z.array(CommitteeMemberSchema).max(20),
  problemHypothesis: z.string().trim().min(1).max(1_000),
  /** Research branches that did not answer in time or failed, so readers know what is missing. */
  missing: z.array(z.object({ branch: z.string(), reason: z.string() })),
  sources: z.array(SourceSchema),
  confidence: z.number().min(0).max(1),
});
export type AccountBrief = z.infer<typeof AccountBriefSchema>;
