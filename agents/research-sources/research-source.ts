import type { SourceFinding } from '../../src/contracts/source-findings.js';
import type { AccountRef } from '../contracts/provenance.js';

/**
 * A data source account research can consult beside the model: the CRM, an enrichment
 * provider, a data warehouse. A source needs only a name and a fetch; it returns what it
 * knows (nothing is fine) and throws when it cannot answer, and the research goes on without it.
 */
export interface ResearchSource {
  /** kebab-case, shown as the provenance of everything it returns: `embedded-crm`. */
  readonly name: string;
  fetch(account: AccountRef, signal: AbortSignal): Promise<readonly SourceFinding[]>;
}

export type { SourceFinding };
