import type { CrmAdapter, CrmRecord } from '../../crm/adapter/index.js';
import type { ResearchSource } from '../../agents/research-sources/research-source.js';
import type { SourceFinding } from '../contracts/source-findings.js';

const OPEN_STAGES = new Set(['Prospecting', 'Discovery', 'Proposal', 'Negotiation']);

/**
 * The CRM as a research source: the account found by its website, its contacts as people, and
 * its open opportunities as notes. Read-only, through the adapter, so it works on Salesforce too.
 */
export function createCrmResearchSource(crm: CrmAdapter): ResearchSource {
  const name = crm.kind === 'embedded' ? 'embedded-crm' : 'salesforce';
  return {
    name,
    async fetch(account) {
      const matches = (await Promise.all([`https://www.${account.domain}`, `https://${account.domain}`, account.domain].map((website) => crm.query({ type: 'Account', where: { Website: website }, limit: 1 })))).flat();
      const record = matches[0];
      if (record === undefined) return [];
      const [contacts, opportunities] = await Promise.all([
        crm.query({ type: 'Contact', where: { AccountId: record.id }, limit: 30 }),
        crm.query({ type: 'Opportunity', where: { AccountId: record.id }, limit: 50 }),
      ]);
      return [findingOf(name, record, contacts, opportunities)];
    },
  };
}

function findingOf(name: string, account: CrmRecord, contacts: readonly CrmRecord[], opportunities: readonly CrmRecord[]): SourceFinding {
  const text = (record: CrmRecord, field: string): string | undefined => {
    const value = record.fields[field];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const employees = account.fields['NumberOfEmployees'];
  const city = text(account, 'BillingCity');
  const country = text(account, 'BillingCountry');
  const open = opportunities.filter((opportunity) => OPEN_STAGES.has(String(opportunity.fields['StageName'])));
  return {
    source: { source: `${name}:Account/${account.id}`, observedAt: account.lastModified, confidence: 0.9 },
    company: {
      ...(text(account, 'Name') === undefined ? {} : { name: text(account, 'Name') }),
      ...(text(account, 'Industry') === undefined ? {} : { industry: text(account, 'Industry') }),
      ...(typeof employees === 'number' && Number.isInteger(employees) && employees > 0 ? { employeeCount: employees } : {}),
      ...(city === undefined ? {} : { headquarters: [city, country].filter(Boolean).join(', ') }),
    },
    people: contacts.flatMap((contact) => {
      const person = text(contact, 'Name') ?? [text(contact, 'FirstName'), text(contact, 'LastName')].filter(Boolean).join(' ');
      const title = text(contact, 'Title');
      const email = text(contact, 'Email');
      return person === '' || title === undefined ? [] : [{ name: person, title, ...(email === undefined ? {} : { email }) }];
    }),
    notes: [
      ...(text(account, 'Type') === undefined ? [] : [`CRM account type: ${String(text(account, 'Type'))}`]),
      ...open.slice(0, 9).map((opportunity) => `Open opportunity: ${text(opportunity, 'Name') ?? opportunity.id} (${String(opportunity.fields['StageName'])}, ${amountOf(opportunity)}, closes ${text(opportunity, 'CloseDate') ?? 'undated'})`),
    ].slice(0, 10),
  };
}

function amountOf(opportunity: CrmRecord): string {
  const amount = opportunity.fields['Amount'];
  return typeof amount === 'number' ? `$${amount.toLocaleString('en-US')}` : 'no amount';
}
