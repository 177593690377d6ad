import { z } from 'zod';
import { AccountRefSchema, SourceSchema } from '../contracts/provenance.js';

export const HiringResearchInputSchema = z.object({ account: AccountRefSchema });
export type HiringResearchInput = z.infer<typeof HiringResearchInputSchema>;

export const DEPARTMENTS = [
  'sales', 'marketing', 'revenue_operations', 'customer_success', 'engineering', 'product', 'data', 'finance', 'people', 'operations', 'executive', 'other',
] as const;
export const DepartmentSchema = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof DepartmentSchema>;

export const SENIORITIES = ['entry', 'mid', 'senior', 'manager', 'director', 'vp', 'c_level'] as const;
export const SenioritySchema = z.enum(SENIORITIES);
export type Seniority = z.infer<typeof SenioritySchema>;

export const OpenRoleSchema = z.object({
  title: z.string().trim().min(1).max(200),
  department: DepartmentSchema,
  seniority: SenioritySchema,
  /** "Austin, TX", "Remote (US)". */
  location: z.string().trim().min(1).max(200),
  postedAt: z.iso.date('give postedAt as YYYY-MM-DD').optional(),
  sources: z.array(SourceSchema).min(1, 'cite the job posting the role was found in'),
});
export type OpenRole = z.infer<typeof OpenRoleSchema>;

export const HIRING_TRENDS = ['accelerating', 'steady', 'slowing', 'unknown'] as const;

export const HiringVelocitySchema = z.object({
  rolesOpenedLast90Days: z.number().int().min(0),
  /** The same count for the 90 days before; omitted when unknown. */
  rolesOpenedPrevious90Days: z.number().int().min(0).optional(),
  trend: z.enum(HIRING_TRENDS),
});
export type HiringVelocity = z.infer<typeof HiringVelocitySchema>;

/** What the hiring pattern says about the organisation: "first RevOps hire", "new sales leadership". */
export const OrgSignalSchema = z.object({
  summary: z.string().trim().min(1).max(300),
  keywords: z.array(z.string().trim().min(2).max(60)).min(1).max(6),
  sources: z.array(SourceSchema).min(1, 'cite what the org signal was read from'),
});
export type OrgSignal = z.infer<typeof OrgSignalSchema>;

/** A named leader or hiring manager found in postings or profiles: the merge builds the buying committee from them. */
export const PersonSchema = z.object({
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(200),
  department: DepartmentSchema,
  sources: z.array(SourceSchema).min(1, 'cite where the person was found'),
});
export type Person = z.infer<typeof PersonSchema>;

export const HiringResearchSchema = z.object({
  openRoles: z.array(OpenRoleSchema).max(60),
  velocity: HiringVelocitySchema,
  orgSignals: z.array(OrgSignalSchema).max(10),
  people: z.array(PersonSchema).max(20),
  /** The employee count a profile page shows, with its source; may disagree with the funding branch. */
  headcount: z.object({ employeeCount: z.number().int().positive(), source: SourceSchema }).optional(),
  sources: z.array(SourceSchema),
  confidence: z.number().min(0).max(1),
});
export type HiringResearch = z.infer<typeof HiringResearchSchema>;
