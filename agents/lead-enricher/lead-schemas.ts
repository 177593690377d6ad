import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A new lead as the `lead.created` event carries it: the CRM record's id and the fields a web
 * form, a list upload or a rep typed in. Everything but the id, surname and company may be
 * missing; enrichment fills what it can find.
 */
export const NewLeadSchema = z.object({
  id: z.string().trim().min(1, 'the lead id is empty').max(64),
  firstName: text(80).optional(),
  lastName: z.string().trim().min(1, 'the lead has no last name').max(80),
  email: z.email().optional(),
  company: z.string().trim().min(1, 'the lead has no company').max(200),
  website: text(300).optional(),
  title: text(200).optional(),
  industry: text(100).optional(),
  numberOfEmployees: z.number().int().positive().optional(),
  country: text(100).optional(),
  /** State or province, as entered. */
  state: text(100).optional(),
  leadSource: text(100).optional(),
  status: text(100).optional(),
  /** The CRM user or queue that owns the lead now. */
  ownerId: text(64).optional(),
});
export type NewLead = z.infer<typeof NewLeadSchema>;

export const LeadEnricherInputSchema = z.object({ lead: NewLeadSchema });
export type LeadEnricherInput = z.infer<typeof LeadEnricherInputSchema>;

/** Mail providers whose domain says nothing about the lead's company. */
const PERSONAL_DOMAINS = new Set(['gmail.com', 'googlemail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de']);

/** The company's bare domain from the website, else the work email; undefined when neither says. */
export function leadDomain(lead: Pick<NewLead, 'website' | 'email'>): string | undefined {
  const fromWebsite = lead.website?.toLowerCase().replace(/^[a-z]+:\/\//, '').split(/[/?#:]/)[0]?.replace(/^www\./, '');
  if (fromWebsite !== undefined && fromWebsite.includes('.')) return fromWebsite;
  const fromEmail = lead.email?.toLowerCase().split('@')[1];
  return fromEmail !== undefined && !PERSONAL_DOMAINS.has(fromEmail) ? fromEmail : undefined;
}

/** "Rachel Ng" or just "Ng". */
export function leadName(lead: Pick<NewLead, 'firstName' | 'lastName'>): string {
  return [lead.firstName, lead.lastName].filter((part) => part !== undefined).join(' ');
}
