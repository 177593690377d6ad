import { z } from 'zod';
import { SignalSchema } from '../contracts/account-brief.js';
import { AccountRefSchema, SourceSchema } from '../contracts/provenance.js';

export const SignalResearchInputSchema = z.object({ account: AccountRefSchema });
export type SignalResearchInput = z.infer<typeof SignalResearchInputSchema>;

/** Signals in the account brief's own contract, so the merge can carry them without translation. */
export const SignalResearchSchema = z.object({
  signals: z.array(SignalSchema).max(20),
  sources: z.array(SourceSchema),
  confidence: z.number().min(0).max(1),
});
export type SignalResearch = z.infer<typeof SignalResearchSchema>;
