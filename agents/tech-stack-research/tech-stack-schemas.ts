import { z } from 'zod';
import { AccountRefSchema, SourceSchema } from '../contracts/provenance.js';

export const TechStackResearchInputSchema = z.object({ account: AccountRefSchema });
export type TechStackResearchInput = z.infer<typeof TechStackResearchInputSchema>;

export const STACK_CATEGORIES = [
  'crm', 'marketing_automation', 'sales_engagement', 'conversation_intelligence', 'data_enrichment', 'data_warehouse', 'data_integration',
  'analytics', 'customer_support', 'cdp', 'billing', 'other',
] as const;
export const StackCategorySchema = z.enum(STACK_CATEGORIES);
export type StackCategory = z.infer<typeof StackCategorySchema>;

const VendorSchema = z.string().trim().min(1).max(100);
/** What showed the tool: "Named in a Salesforce Administrator posting", "HubSpot tracking script on the website". */
const EvidenceSchema = z.string().trim().min(1).max(300);

export const StackToolSchema = z.object({
  category: StackCategorySchema,
  vendor: VendorSchema,
  product: z.string().trim().min(1).max(100).optional(),
  evidence: EvidenceSchema,
  sources: z.array(SourceSchema).min(1, 'cite where the tool was seen'),
});
export type StackTool = z.infer<typeof StackToolSchema>;

export const StackChangeSchema = z.object({
  change: z.enum(['added', 'removed']),
  category: StackCategorySchema,
  vendor: VendorSchema,
  date: z.iso.date('give the change date as YYYY-MM-DD'),
  evidence: EvidenceSchema,
  sources: z.array(SourceSchema).min(1, 'cite where the change was seen'),
});
export type StackChange = z.infer<typeof StackChangeSchema>;

/** Where tools meet, which is where a new tool would have to fit: "Fivetran loads Salesforce into Snowflake". */
export const IntegrationPointSchema = z.object({
  systems: z.array(VendorSchema).min(2, 'an integration joins at least two systems').max(5),
  summary: z.string().trim().min(1).max(300),
  sources: z.array(SourceSchema).min(1, 'cite where the integration was seen'),
});
export type IntegrationPoint = z.infer<typeof IntegrationPointSchema>;

export const TechStackResearchSchema = z.object({
  stack: z.array(StackToolSchema).max(40),
  recentChanges: z.array(StackChangeSchema).max(20),
  integrationPoints: z.array(IntegrationPointSchema).max(20),
  sources: z.array(SourceSchema),
  confidence: z.number().min(0).max(1),
});
export type TechStackResearch = z.infer<typeof TechStackResearchSchema>;
