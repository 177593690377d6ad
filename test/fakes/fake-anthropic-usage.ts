import type { FakeUsage } from './fake-anthropic-types.js';
import { isJsonObject } from './fake-anthropic-validation.js';

/**
 * Deterministic token counts (one token per four characters of JSON) with a prompt cache: a
 * request whose `system` carries `cache_control` writes its tools + system prefix to the cache the
 * first time and reads it afterwards, per model, as the real API reports it.
 */
export interface UsageMeter {
  measure(body: Record<string, unknown>, content: unknown): FakeUsage;
}

export function tokensOf(text: string): number {
  return Math.ceil(text.length / 4);
}

export function createUsageMeter(): UsageMeter {
  const cachedPrefixes = new Set<string>();

  function measure(body: Record<string, unknown>, content: unknown): FakeUsage {
    const prefix = JSON.stringify(body['tools'] ?? []) + systemText(body['system']);
    const prefixTokens = tokensOf(prefix);
    const messageTokens = tokensOf(JSON.stringify(body['messages']));
    const output_tokens = Math.max(1, tokensOf(JSON.stringify(content)));
    if (!asksForCache(body['system'])) {
      return { input_tokens: prefixTokens + messageTokens, output_tokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
    }
    const key = `${String(body['model'])}\u0000${prefix}`;
    const hit = cachedPrefixes.has(key);
    cachedPrefixes.add(key);
    return {
      input_tokens: messageTokens,
      output_tokens,
      cache_creation_input_tokens: hit ? 0 : prefixTokens,
      cache_read_input_tokens: hit ? prefixTokens : 0,
    };
  }

  return { measure };
}

function systemText(system: unknown): string {
  if (typeof system === 'string') return system;
  if (!Array.isArray(system)) return '';
  return system.filter(isJsonObject).map((block) => (typeof block['text'] === 'string' ? block['text'] : '')).join('');
}

function asksForCache(system: unknown): boolean {
  return Array.isArray(system) && system.some((block) => isJsonObject(block) && isJsonObject(block['cache_control']));
}
