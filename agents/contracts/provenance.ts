import { z } from 'zod';

/**
 * Where a fact came from and how sure we are: every fact passed between agents carries it, so
 * "Funding: $45M Series B (Crunchbase, Oct 2025, confirmed)" survives the hand-off.
 */
export const SourceSchema = z.object({
  /** A data source name (`embedded-crm`, `web-search`, `simulated`) or a URL. */
  source: z.string().min(1).max(500),
  /** When the source said it, ISO date or date-time; undefined when unknown. */
  observedAt: z.string().max(40).optional(),
  confidence: z.number().min(0).max(1),
});
export type Source = z.infer<typeof SourceSchema>;

export const AccountRefSchema = z.object({
  name: z.string().trim().min(1).max(200),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected a bare domain such as acme.com'),
});
export type AccountRef = z.infer<typeof AccountRefSchema>;
