import type { NewCrmRecord } from '../embedded/index.js';
import { accountId, accountOwner, SAMPLE_ACCOUNTS } from './sample-accounts.js';
import { emailPart, sampleId } from './sample-ids.js';

const FIRST_NAMES = [
  'Olivia', 'James', 'Amara', 'Noah', 'Mei', 'Ethan', 'Sofia', 'Liam', 'Aisha', 'Lucas', 'Ingrid', 'Mateo', 'Chloe', 'Ravi', 'Elena', 'Samuel',
  'Yuki', 'Benjamin', 'Fatima', 'Oscar', 'Clara', 'Diego', 'Hana', 'Felix', 'Zara', 'Henrik', 'Leah', 'Kwame', 'Isabel', 'Jonas', 'Nadia',
];
const LAST_NAMES = [
  'Carter', 'Nguyen', 'Osei', 'Fischer', 'Patel', 'Moreau', 'Kowalski', 'Reyes', 'Lindgren', 'Haddad', 'Sullivan', 'Tanaka', 'Brennan', 'Costa',
  'Adeyemi', 'Larsen', 'Ramirez', 'Schmidt', 'Ivanova', 'Murphy', 'Chen', 'Dubois', 'Novak', 'Okoro', 'Rossi', 'Walsh', 'Yilmaz', 'Hughes', 'Berg',
];
/** The buying committee, most senior first; an account's contacts start at a different seat each time. */
const TITLES = ['Chief Revenue Officer', 'VP of Sales', 'Director of Revenue Operations', 'Head of Marketing', 'Sales Operations Manager', 'IT Director'];

/** 2, 3 or 4 contacts per account. */
export function contactsPerAccount(index: number): number {
  return 2 + (index % 3);
}

export function sampleContacts(): NewCrmRecord[] {
  const contacts: NewCrmRecord[] = [];
  SAMPLE_ACCOUNTS.forEach(([, domain, , , city, country], index) => {
    for (let seat = 0; seat < contactsPerAccount(index); seat += 1) {
      const number = contacts.length;
      const first = FIRST_NAMES[(number * 7) % FIRST_NAMES.length] ?? 'Alex';
      const last = LAST_NAMES[(number * 11 + index) % LAST_NAMES.length] ?? 'Smith';
      contacts.push({
        type: 'Contact',
        id: sampleId('Contact', number + 1),
        fields: {
          FirstName: first, LastName: last, Name: `${first} ${last}`, Title: TITLES[(index + seat) % TITLES.length] ?? 'Manager',
          Email: `${emailPart(first)}.${emailPart(last)}@${domain}`, AccountId: accountId(index), OwnerId: accountOwner(index),
          MailingCity: city, MailingCountry: country, HasOptedOutOfEmail: false,
        },
      });
    }
  });
  return contacts;
}
