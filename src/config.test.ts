import { describe, expect, it } from 'vitest';
import { BatonError } from './errors/index.js';
import { loadConfig } from './config.js';

function configError(env: Record<string, string>): BatonError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof BatonError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment, in offline mode', () => {
    const config = loadConfig({});
    expect(config.model.mode).toBe('offline');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('.baton/data')).toBe(true);
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.model.tiers).toEqual({ fast: 'claude-haiku-5-5', balanced: 'claude-sonnet-5-5', deep: 'claude-opus-5-5' });
    expect(config.promptsDir.endsWith('prompts')).toBe(true);
  });

  it('chooses the real model when a key is set, and offline when told to even with a key', () => {
    expect(loadConfig({ ANTHROPIC_API_KEY: 'sk-ant-test' }).model.mode).toBe('anthropic');
    expect(loadConfig({ ANTHROPIC_API_KEY: 'sk-ant-test', BATON_MODEL: 'offline' }).model.mode).toBe('offline');
  });

  it('reports every bad variable at once, each with its name and how to fix it', () => {
    const error = configError({ BATON_MODEL_TIMEOUT_MS: 'soon', REDIS_URL: 'http://cache', BATON_LOG_LEVEL: 'loud' });
    expect(error.code).toBe('config_invalid');
    expect(error.details['problems']).toHaveLength(3);
    expect(error.message).toContain('BATON_MODEL_TIMEOUT_MS="soon"');
    expect(error.message).toContain('milliseconds per model call');
    expect(error.message).toContain('REDIS_URL="http://cache"');
    expect(error.message).toContain('must start with redis:// or rediss://');
    expect(error.message).toContain('BATON_LOG_LEVEL="loud"');
  });

  it('never prints a secret it rejects', () => {
    const error = configError({ DATABASE_URL: 'mysql://admin:hunter2@db' });
    expect(error.message).toContain('DATABASE_URL=(hidden)');
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses BATON_MODEL=anthropic without a key and says what to set', () => {
    expect(configError({ BATON_MODEL: 'anthropic' }).message).toMatch(/needs ANTHROPIC_API_KEY.*BATON_MODEL=offline/);
  });

  it('merges a price table over the defaults and rejects a malformed one by name', () => {
    const config = loadConfig({ BATON_MODEL_PRICES: '{"my-model":{"input":2,"output":4,"cacheWrite":2.5,"cacheRead":0.2}}' });
    expect(config.model.prices['my-model']).toEqual({ input: 2, output: 4, cacheWrite: 2.5, cacheRead: 0.2 });
    expect(config.model.prices['claude-haiku-5-5']).toBeDefined();
    expect(configError({ BATON_MODEL_PRICES: '{nope' }).message).toContain('BATON_MODEL_PRICES="{nope": is not valid JSON');
    expect(configError({ BATON_MODEL_PRICES: '{"m":{"input":-1}}' }).message).toContain('BATON_MODEL_PRICES');
  });

  it('returns a frozen config, all the way down', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.model.tiers)).toBe(true);
    expect(() => {
      (config.model as { timeoutMs: number }).timeoutMs = 1;
    }).toThrow(TypeError);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
});
