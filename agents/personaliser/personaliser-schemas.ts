import { z } from 'zod';
import { ContactRefSchema } from '../contracts/contact-ref.js';
import { EmailSequenceSchema } from '../contracts/email-sequence.js';

/** The only tokens a sending tool is expected to fill; anything else would go out as literal braces. */
export const TOKEN_NAMES = ['first_name', 'last_name', 'full_name', 'title', 'company'] as const;
export type TokenName = (typeof TOKEN_NAMES)[number];

const tokenValue = z.string().trim().min(1, 'a token value is empty').max(200);

export const ContactSchema = z.object({
  name: z.string().trim().min(1, 'the contact name is empty').max(200),
  title: z.string().trim().min(1, 'the contact title is empty').max(200),
  email: z.email(),
  company: z.string().trim().min(1, 'the contact company is empty').max(200),
  /** The person's CRM record: where the workflow records the approved sequence. */
  record: ContactRefSchema.optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const PersonaliserInputSchema = z.object({
  sequence: EmailSequenceSchema,
  contacts: z.array(ContactSchema).min(1, 'give at least one contact').max(20, 'personalise at most 20 contacts per run'),
});
export type PersonaliserInput = z.infer<typeof PersonaliserInputSchema>;

export const TokenValuesSchema = z.strictObject({
  first_name: tokenValue.optional(),
  last_name: tokenValue.optional(),
  full_name: tokenValue.optional(),
  title: tokenValue.optional(),
  company: tokenValue.optional(),
});
export type TokenValues = z.infer<typeof TokenValuesSchema>;

export const PersonalisationSchema = z.object({
  /** The sequence with {{token}} placeholders where per-contact words go; same emails, same signal. */
  sequence: EmailSequenceSchema,
  perContact: z.array(z.object({ email: z.email(), tokens: TokenValuesSchema })).min(1).max(20),
  confidence: z.number().min(0).max(1),
});
export type Personalisation = z.infer<typeof PersonalisationSchema>;
