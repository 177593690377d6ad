import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CrmRecord } from '../../crm/adapter/index.js';
import { SAMPLE_ACCOUNTS, accountId } from '../../crm/seed/sample-accounts.js';
import type { OpenedCrm } from '../../src/main/open-crm.js';
import type { RunDetail } from '../../src/store/index.js';
import { leadFromRecord } from '../workflows/process-new-lead-harness.js';
import { POISON_MARKER } from './faulty-model.js';

/** One run the chaos drives, with what its end must look like whatever was injected. */
export interface PlannedRun {
  readonly key: string;
  readonly workflow: string;
  readonly input: Record<string, unknown>;
  /** The status it must end in once every approval is decided. */
  readonly expected: 'succeeded' | 'failed';
  /** Checks the output against the input; returns the problems found. */
  readonly check: (run: RunDetail) => string[];
  /** Dead letters this run must leave: the poison runs' failed classifier. */
  readonly deadLetters: number;
}

export const BOOKING = { link: 'https://cal.example/chaos', timezone: 'America/New_York', slots: ['2026-12-01T15:00:00Z', '2026-12-01T19:00:00Z', '2026-12-02T16:00:00Z'] };
export const KNOWLEDGE = [{ topic: 'pricing', answer: 'Plans start at $40 per seat per month, billed annually.' }];

const KINDS = ['positive', 'opt-out', 'out-of-office', 'unsure', 'sequence', 'lead', 'research', 'vote', 'poison'] as const;

const categoryIs = (category: string) => (run: RunDetail) => {
  const routing = (run.output as { routing?: { category?: string } } | null)?.routing;
  return routing?.category === category ? [] : [`routed to ${String(routing?.category)}, not ${category}`];
};
const none = () => [];

/**
 * `count` runs across the shipped workflows: replies of every category (an unsure one waits for a
 * person), cold sequences waiting for approval and then recorded on their contacts, new leads
 * routed and written, research, votes, and poison replies whose classifier never answers. Each
 * run gets CRM records no other run touches, so the hourly write cap never holds one.
 */
export async function planRuns(crm: OpenedCrm, count: number): Promise<PlannedRun[]> {
  const contacts = await freeContacts(crm);
  const leads = await crm.crm.query({ type: 'Lead', where: {} });
  const take = <T>(pool: T[], what: string): T => {
    const item = pool.shift();
    if (item === undefined) throw new Error(`the seeded CRM has too few ${what} for ${count} chaos runs`);
    return item;
  };
  return Array.from({ length: count }, (_, index): PlannedRun => {
    const kind = KINDS[index % KINDS.length]!;
    const key = `chaos-${index}-${kind}`;
    const reply = (text: string, contact?: CrmRecord) => ({ reply: { text: `${text} (ref ${index})`, from: 'prospect@example.com' }, receivedAt: '2026-11-20T15:42:00Z', ...(contact === undefined ? {} : { contact: { type: 'Contact', id: contact.id } }) });
    switch (kind) {
      case 'positive':
        return { key, workflow: 'handle_reply', input: reply('Interested, let us talk. Next week works for me.'), expected: 'succeeded', check: categoryIs('positive'), deadLetters: 0 };
      case 'opt-out':
        return { key, workflow: 'handle_reply', input: reply('Please remove me from your list and stop emailing me.', take(contacts, 'contacts')), expected: 'succeeded', check: categoryIs('not_interested'), deadLetters: 0 };
      case 'out-of-office':
        return { key, workflow: 'handle_reply', input: reply('I am out of the office until December 1 with limited access to email.', take(contacts, 'contacts')), expected: 'succeeded', check: categoryIs('out_of_office'), deadLetters: 0 };
      case 'unsure':
        return { key, workflow: 'handle_reply', input: reply('Maybe. Forwarding to Priya.'), expected: 'succeeded', check: none, deadLetters: 0 };
      case 'sequence':
        return sequenceRun(key, index, [take(contacts, 'contacts'), take(contacts, 'contacts')]);
      case 'lead':
        return { key, workflow: 'process_new_lead', input: { lead: leadFromRecord(take(leads, 'leads')) }, expected: 'succeeded', check: none, deadLetters: 0 };
      case 'research': {
        const [name, domain] = SAMPLE_ACCOUNTS[index % SAMPLE_ACCOUNTS.length]!;
        return { key, workflow: 'research_account', input: { account: { name, domain } }, expected: 'succeeded', check: none, deadLetters: 0 };
      }
      case 'vote':
        return { key, workflow: 'classify_reply_by_vote', input: { reply: { text: `Please remove me. (ref ${index})` } }, expected: 'succeeded', check: none, deadLetters: 0 };
      case 'poison':
        return { key, workflow: 'handle_reply', input: reply(`Interested. ${POISON_MARKER}`), expected: 'failed', check: none, deadLetters: 1 };
    }
  });
}

function sequenceRun(key: string, index: number, contacts: CrmRecord[]): PlannedRun {
  const [name, domain] = SAMPLE_ACCOUNTS[index % SAMPLE_ACCOUNTS.length]!;
  const example = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../examples/workflows/write-cold-sequence.json'), 'utf8')) as { brief: { snapshot: Record<string, unknown> } };
  const brief = { ...example.brief, account: { name, domain }, snapshot: { ...example.brief.snapshot, summary: `${name} sells software (ref ${index}).` } };
  const people = contacts.map((contact) => ({ name: `${String(contact.fields['FirstName'])} ${String(contact.fields['LastName'])}`, title: String(contact.fields['Title']), email: String(contact.fields['Email']), company: name, record: { type: 'Contact', id: contact.id } }));
  return {
    key,
    workflow: 'write_cold_sequence',
    input: { brief, contacts: people },
    expected: 'succeeded',
    check: (run) => {
      const writes = (run.output as { crmWrites?: { status: string }[] } | null)?.crmWrites ?? [];
      return writes.length === people.length && writes.every((write) => write.status === 'applied') ? [] : [`CRM writes ${JSON.stringify(writes)}`];
    },
    deadLetters: 0,
  };
}

/** Contacts of accounts not under legal hold (a held record waits for an override, not a plain approval). */
async function freeContacts(crm: OpenedCrm): Promise<CrmRecord[]> {
  const held = new Set<string>();
  for (let index = 0; index < SAMPLE_ACCOUNTS.length; index += 1) {
    const account = await crm.crm.getRecord({ type: 'Account', id: accountId(index) });
    if (account.fields['LegalHold__c'] === true) held.add(account.id);
  }
  const contacts = await crm.crm.query({ type: 'Contact', where: {} });
  return contacts.filter((contact) => contact.fields['Email'] !== undefined && !held.has(String(contact.fields['AccountId'])));
}
