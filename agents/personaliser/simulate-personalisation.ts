import type { SequenceEmail } from '../contracts/email-sequence.js';
import type { Contact, Personalisation, PersonaliserInput, TokenValues } from './personaliser-schemas.js';

const GREETING = /^(hi|hello|hey|dear)\s+[^,\n]{1,40},\s*/i;
const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'sir']);

/**
 * Offline mode's personaliser: greets each email with {{first_name}}, turns the contacts'
 * company names into {{company}}, and fills the tokens from each contact's own fields.
 */
export function simulatePersonalisation(input: PersonaliserInput): Personalisation {
  const companies = [...new Set(input.contacts.map((contact) => contact.company))].sort((left, right) => right.length - left.length);
  return {
    sequence: { ...input.sequence, emails: input.sequence.emails.map((email) => templateEmail(email, companies)) },
    perContact: input.contacts.map((contact) => ({ email: contact.email, tokens: tokensFor(contact) })),
    confidence: 0.8,
  };
}

function templateEmail(email: SequenceEmail, companies: readonly string[]): SequenceEmail {
  const withCompany = (text: string) =>
    companies.reduce((result, company) => result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(company)}(?![\\p{L}\\p{N}])`, 'giu'), '{{company}}'), text);
  const body = withCompany(email.body);
  const greeted = body.includes('{{first_name}}') ? body : `Hi {{first_name}},\n\n${body.replace(GREETING, '')}`;
  return { subject: withCompany(email.subject), body: greeted };
}

function tokensFor(contact: Contact): TokenValues {
  const words = contact.name.split(/\s+/).filter((word) => !HONORIFICS.has(word.toLowerCase().replace(/\.$/, '')));
  const first = words[0] ?? contact.name;
  const last = words.length > 1 ? words.at(-1) : undefined;
  return { first_name: first, ...(last === undefined ? {} : { last_name: last }), full_name: contact.name, title: contact.title, company: contact.company };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
