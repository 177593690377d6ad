import { z } from 'zod';

/**
 * The CRM record a reply came from or a message goes to: a Contact or a Lead. Agents carry it
 * through untouched so the workflow can write to the right record; no model ever chooses it.
 */
export const ContactRefSchema = z.object({
  type: z.enum(['Contact', 'Lead']),
  id: z.string().trim().min(1).max(64),
});
export type ContactRef = z.infer<typeof ContactRefSchema>;

/** The optional `contact` an agent passes on from its input to its output. */
export function passContact<Output extends object>(output: Output, input: { readonly contact?: ContactRef | undefined }): Output & { contact?: ContactRef } {
  return input.contact === undefined ? output : { ...output, contact: input.contact };
}
