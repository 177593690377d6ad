import { SourceFindingSchema, type SourceFindings } from '../../src/contracts/source-findings.js';
import type { AccountRef } from '../contracts/provenance.js';
import type { ResearchSource } from './research-source.js';

/**
 * Every source at once, each bounded by `timeoutMs`. A source that throws, times out or
 * returns something malformed is listed under `failed` with the reason; the others still count.
 */
export async function consultSources(sources: readonly ResearchSource[], account: AccountRef, timeoutMs: number): Promise<SourceFindings> {
  const outcomes = await Promise.all(
    sources.map(async (source) => {
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const found = await Promise.race([
          source.fetch(account, signal),
          new Promise<never>((_, reject) => {
            signal.addEventListener('abort', () => {
              reject(new Error(`no answer within ${timeoutMs} ms`));
            });
          }),
        ]);
        return { source: source.name, findings: SourceFindingSchema.array().parse(found), reason: undefined };
      } catch (thrown) {
        return { source: source.name, findings: undefined, reason: thrown instanceof Error ? thrown.message.slice(0, 500) : String(thrown).slice(0, 500) };
      }
    }),
  );
  return {
    findings: outcomes.flatMap((outcome) => outcome.findings ?? []).slice(0, 20),
    failed: outcomes.flatMap((outcome) => (outcome.reason === undefined ? [] : [{ source: outcome.source, reason: outcome.reason }])),
  };
}
