import type { SequenceEmail } from '../contracts/email-sequence.js';
import { TOKEN_NAMES, type Personalisation, type PersonaliserInput, type TokenName } from './personaliser-schemas.js';

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const TOKEN_LIST = TOKEN_NAMES.map((name) => `{{${name}}}`).join(', ');

interface Place {
  readonly label: string;
  readonly text: string;
}

function placesOf(emails: readonly SequenceEmail[]): Place[] {
  return emails.flatMap((email, index) => [
    { label: `email ${index + 1} subject`, text: email.subject },
    { label: `email ${index + 1} body`, text: email.body },
  ]);
}

function isTokenName(name: string): name is TokenName {
  return (TOKEN_NAMES as readonly string[]).includes(name);
}

/** The known tokens the templated sequence uses, in order of first use. */
export function tokensUsed(emails: readonly SequenceEmail[]): TokenName[] {
  const names = placesOf(emails).flatMap((place) => [...place.text.matchAll(TOKEN)].map((match) => match[1] ?? ''));
  return [...new Set(names.filter(isTokenName))];
}

/** Unknown {{tokens}} and stray braces: either would reach a prospect as literal text. */
export function unknownTokenProblems(answer: Personalisation): string[] {
  return placesOf(answer.sequence.emails).flatMap((place) => {
    const unknown = [...place.text.matchAll(TOKEN)].map((match) => match[1] ?? '').filter((name) => !isTokenName(name));
    const stray = /[{}]/.test(place.text.replace(TOKEN, ''));
    return [
      ...unknown.map((name) => `${place.label} uses the unknown token {{${name}}}: use only ${TOKEN_LIST}`),
      ...(stray ? [`${place.label} has a stray brace: write tokens exactly as {{first_name}}`] : []),
    ];
  });
}

/** One entry per contact, and a value for every token the sequence uses, so no contact gets a blank. */
export function tokenValueProblems(answer: Personalisation, input: PersonaliserInput): string[] {
  const used = tokensUsed(answer.sequence.emails);
  const byEmail = new Map(answer.perContact.map((entry) => [entry.email.toLowerCase(), entry]));
  const contacts = new Set(input.contacts.map((contact) => contact.email.toLowerCase()));
  const extra = answer.perContact.filter((entry) => !contacts.has(entry.email.toLowerCase())).map((entry) => `perContact lists ${entry.email}, who is not one of the contacts: remove the entry`);
  const missing = input.contacts.flatMap((contact) => {
    const entry = byEmail.get(contact.email.toLowerCase());
    if (entry === undefined) return [`perContact has no entry for ${contact.email}: give every contact a value for ${used.join(', ') || 'each token'}`];
    return used.filter((name) => entry.tokens[name] === undefined).map((name) => `contact ${contact.email} has no value for {{${name}}}, which the sequence uses: give one or remove the token`);
  });
  return [...missing, ...extra];
}

/** The QA critic checks email 1 against the signal, so templating must not change it. */
export function signalProblems(answer: Personalisation, input: PersonaliserInput): string[] {
  const same = JSON.stringify(answer.sequence.signal) === JSON.stringify(input.sequence.signal);
  return same ? [] : ['sequence.signal must stay exactly as given: copy it from the input sequence'];
}
