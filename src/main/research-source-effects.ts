import type { ResearchSource } from '../../agents/research-sources/research-source.js';
import { consultSources } from '../../agents/research-sources/consult-sources.js';
import { researchSources } from '../contracts/source-findings.js';
import { bindEffect } from './bind-effect.js';

/** Each source gets this long; research branches run up to a minute, so a slow source never holds them up. */
const SOURCE_TIMEOUT_MS = 15_000;

/** `research.sources` bound to the configured sources (the CRM, plus any an embedder adds). */
export function createResearchSourceEffects(sources: readonly ResearchSource[]) {
  return bindEffect(researchSources, ({ account }) => consultSources(sources, account, SOURCE_TIMEOUT_MS));
}
