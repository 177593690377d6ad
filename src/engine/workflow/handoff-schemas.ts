import { z } from 'zod';

/** How a route's decision reaches its branch: the router's answer, or the human's pick below the threshold. */
export const RoutingSchema = z.object({
  category: z.string(),
  confidence: z.number().min(0).max(1),
  reason: z.string(),
  decidedBy: z.enum(['router', 'human']),
});
export type Routing = z.infer<typeof RoutingSchema>;

/** Branches a merge runs without, and why: the fan-out's partial result is explicit. */
export const MissingBranchesSchema = z.array(z.object({ branch: z.string(), reason: z.string() }));
export type MissingBranches = z.infer<typeof MissingBranchesSchema>;

/** Joins the fields of two object schemas; later fields win, as a spread would. */
export function extendObject(base: z.ZodObject, extra: z.ZodRawShape): z.ZodObject {
  return z.object({ ...base.shape, ...extra });
}
