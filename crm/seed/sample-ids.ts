/** Salesforce-shaped 18-character ids: the object's key prefix, `Bt`, then the number. Deterministic, so a seed can be repeated. */
export const ID_PREFIX = { User: '005', Account: '001', Contact: '003', Lead: '00Q', Opportunity: '006' } as const;

export function sampleId(type: keyof typeof ID_PREFIX, number: number): string {
  return `${ID_PREFIX[type]}Bt${String(number).padStart(13, '0')}`;
}

/** `Maple & Finch` → `maple.finch`-style parts for addresses: lowercase letters only. */
export function emailPart(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}

/** A date `days` from `today` (negative: in the past), as Salesforce writes dates. */
export function dateFrom(today: Date, days: number): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days)).toISOString().slice(0, 10);
}
