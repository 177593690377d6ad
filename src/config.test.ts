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
    expect(error.message).toContain('the longest any model call may take');
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

  describe('CRM', () => {
    const TOKEN = { SALESFORCE_INSTANCE_URL: 'https://acme.my.salesforce.com', SALESFORCE_ACCESS_TOKEN: '00D!token-secret' };
    const CLIENT = { SALESFORCE_CLIENT_ID: '3MVG9client', SALESFORCE_CLIENT_SECRET: 'client-secret-value' };

    it('uses the embedded CRM when no Salesforce credentials are set', () => {
      expect(loadConfig({}).crm).toEqual({ kind: 'embedded' });
      expect(loadConfig({ SALESFORCE_API_VERSION: '61.0' }).crm).toEqual({ kind: 'embedded' });
    });

    it('connects with an access token and the default API version', () => {
      expect(loadConfig(TOKEN).crm).toEqual({ kind: 'salesforce', connection: { instanceUrl: TOKEN.SALESFORCE_INSTANCE_URL, accessToken: TOKEN.SALESFORCE_ACCESS_TOKEN, apiVersion: '62.0' } });
    });

    it('logs in as a user through a connected app, at login.salesforce.com unless told a sandbox', () => {
      const env = { ...CLIENT, SALESFORCE_USERNAME: 'baton@acme.com', SALESFORCE_PASSWORD: 'pw+token', SALESFORCE_API_VERSION: '60.0' };
      expect(loadConfig(env).crm).toEqual({
        kind: 'salesforce',
        connection: { loginUrl: 'https://login.salesforce.com', username: 'baton@acme.com', password: 'pw+token', clientId: '3MVG9client', clientSecret: 'client-secret-value', apiVersion: '60.0' },
      });
      expect(loadConfig({ ...env, SALESFORCE_LOGIN_URL: 'https://test.salesforce.com' }).crm).toMatchObject({ connection: { loginUrl: 'https://test.salesforce.com' } });
    });

    it('uses the client-credentials flow with a My Domain login URL and the client pair alone', () => {
      expect(loadConfig({ ...CLIENT, SALESFORCE_LOGIN_URL: 'https://acme.my.salesforce.com' }).crm).toEqual({
        kind: 'salesforce',
        connection: { loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9client', clientSecret: 'client-secret-value', apiVersion: '62.0' },
      });
    });

    it('names the missing variables of a partial set', () => {
      expect(configError({ SALESFORCE_INSTANCE_URL: TOKEN.SALESFORCE_INSTANCE_URL }).message).toMatch(/SALESFORCE_INSTANCE_URL set but SALESFORCE_ACCESS_TOKEN missing/);
      expect(configError({ SALESFORCE_USERNAME: 'baton@acme.com', SALESFORCE_CLIENT_ID: 'id' }).message).toMatch(/SALESFORCE_PASSWORD, SALESFORCE_CLIENT_SECRET missing/);
      expect(configError(CLIENT).message).toMatch(/but SALESFORCE_LOGIN_URL missing/);
      expect(configError({ SALESFORCE_LOGIN_URL: 'https://test.salesforce.com' }).message).toMatch(/SALESFORCE_CLIENT_ID, SALESFORCE_CLIENT_SECRET missing.*Set one complete set/);
    });

    it('refuses a token mixed with login credentials, without printing a secret', () => {
      const error = configError({ ...TOKEN, ...CLIENT });
      expect(error.code).toBe('config_invalid');
      expect(error.message).toContain('cannot be combined with SALESFORCE_CLIENT_ID, SALESFORCE_CLIENT_SECRET');
      expect(error.message).not.toContain('client-secret-value');
      expect(error.message).not.toContain('00D!token-secret');
    });

    it('refuses a malformed instance URL or API version by name', () => {
      const error = configError({ ...TOKEN, SALESFORCE_INSTANCE_URL: 'acme.my.salesforce.com', SALESFORCE_API_VERSION: 'v62' });
      expect(error.message).toContain('SALESFORCE_INSTANCE_URL="acme.my.salesforce.com"');
      expect(error.message).toContain('SALESFORCE_API_VERSION="v62": must be a REST API version such as 62.0');
    });
  });
});
