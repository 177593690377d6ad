import { z } from 'zod';
import { defineEffect } from './effect-contract.js';

/** Where a finding came from: a data source's name or a URL, when, and how sure it is. */
const FindingSourceSchema = z.object({
  source: z.string().min(1).max(500),
  observedAt: z.string().max(40).optional(),
  confidence: z.number().min(0).max(1),
});

/**
 * What one data source knows about an account: firmographic facts, people, and short notes
 * (open deals, past activity). Every finding names its source, so the merge can weigh it
 * against the research branches and keep its provenance.
 */
export const SourceFindingSchema = z.object({
  source: FindingSourceSchema,
  company: z
    .object({
      name: z.string().trim().min(1).max(200).optional(),
      industry: z.string().trim().min(1).max(120).optional(),
      employeeCount: z.number().int().positive().optional(),
      headquarters: z.string().trim().min(1).max(200).optional(),
    })
    .optional(),
  people: z.array(z.object({ name: z.string().trim().min(1).max(200), title: z.string().trim().min(1).max(200), email: z.email().optional() })).max(30).default([]),
  notes: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
});
export type SourceFinding = z.infer<typeof SourceFindingSchema>;

export const SourceFindingsSchema = z.object({
  findings: z.array(SourceFindingSchema).max(20),
  /** Sources that failed or timed out: the research goes on without them, and says so. */
  failed: z.array(z.object({ source: z.string(), reason: z.string().max(500) })).max(20),
});
export type SourceFindings = z.infer<typeof SourceFindingsSchema>;

export const researchSources = defineEffect({
  name: 'research.sources',
  description: 'Asks every configured data source (the CRM first) what it knows about the account, each with its own time limit.',
  input: z.object({ account: z.object({ name: z.string().min(1).max(200), domain: z.string().min(1).max(253) }) }),
  output: SourceFindingsSchema,
});
