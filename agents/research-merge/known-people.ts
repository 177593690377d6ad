import type { Source } from '../contracts/provenance.js';
import type { ResearchBranches } from './research-merge-schemas.js';

export interface KnownPerson {
  readonly name: string;
  readonly title: string;
  readonly email?: string;
  readonly sources: readonly Source[];
}

/** People are matched by name as a reader would (case and spacing aside). */
export function personKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Everyone the research found, once: the hiring branch's leaders, then the data sources'
 * contacts (the CRM knows their emails). A person both found keeps every source.
 */
export function knownPeople(branches: ResearchBranches): KnownPerson[] {
  const byKey = new Map<string, KnownPerson>();
  const add = (person: KnownPerson) => {
    const key = personKey(person.name);
    const seen = byKey.get(key);
    byKey.set(key, seen === undefined ? person : { ...seen, ...(seen.email === undefined && person.email !== undefined ? { email: person.email } : {}), sources: [...seen.sources, ...person.sources] });
  };
  for (const person of branches.hiring?.people ?? []) add({ name: person.name, title: person.title, sources: person.sources });
  for (const finding of branches.sources?.findings ?? []) {
    for (const person of finding.people) add({ name: person.name, title: person.title, ...(person.email === undefined ? {} : { email: person.email }), sources: [finding.source] });
  }
  return [...byKey.values()];
}
