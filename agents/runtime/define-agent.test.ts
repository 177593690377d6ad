import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/errors/index.js';
import type { AgentDefinitionOptions } from './agent-definition.js';
import { defineAgent } from './define-agent.js';

const Input = z.object({ account: z.string() });
const Output = z.object({ summary: z.string() });

function options(overrides: Partial<AgentDefinitionOptions<z.infer<typeof Input>, z.infer<typeof Output>>> = {}) {
  return {
    name: 'probe-research',
    description: 'A probe.',
    input: Input,
    output: Output,
    tier: 'balanced' as const,
    prompt: 'probe.md',
    timeoutMs: 1_000,
    checks: [],
    reads: ['account'],
    simulate: () => ({ summary: 'simulated' }),
    ...overrides,
  };
}

function problemsOf(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    if (error instanceof BatonError) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected defineAgent to refuse the definition');
}

describe('defineAgent webSearch option', () => {
  it('keeps a valid web search option and leaves it undefined when absent', () => {
    expect(defineAgent(options({ webSearch: { maxUses: 3, allowedDomains: ['SEC.gov '] } })).webSearch).toEqual({ maxUses: 3, allowedDomains: ['sec.gov'] });
    expect(defineAgent(options()).webSearch).toBeUndefined();
  });

  it.each([
    [{ maxUses: 0 }, 'webSearch.maxUses: maxUses must be at least 1'],
    [{ maxUses: 2.5 }, 'webSearch.maxUses: maxUses must be a whole number'],
    [{ maxUses: 11 }, 'webSearch.maxUses: maxUses must be at most 10'],
    [{ maxUses: 3, allowedDomains: [] }, 'webSearch.allowedDomains: allowedDomains must list at least one domain'],
    [{ maxUses: 3, allowedDomains: ['https://sec.gov'] }, 'webSearch.allowedDomains.0: expected a domain without a scheme'],
  ])('refuses %j at definition time, naming the field', (webSearch, message) => {
    expect(problemsOf(() => defineAgent(options({ webSearch })))).toContain(`config_invalid: Agent probe-research: ${message}`);
  });

  it('refuses unknown keys such as blockedDomains', () => {
    const webSearch = { maxUses: 3, blockedDomains: ['example.com'] } as unknown as { maxUses: number };
    expect(problemsOf(() => defineAgent(options({ webSearch })))).toMatch(/webSearch: Unrecognized key: "blockedDomains"/);
  });
});
