import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createBaton } from '../../src/main/create-baton.js';

describe('secrets in the configuration', () => {
  it('never reach a log line, whatever field or message they turn up in', async () => {
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const secrets = { ANTHROPIC_API_KEY: 'sk-ant-api03-redact-me', BATON_MCP_TOKEN: 'mcp-token-redact-me-0123456789', SLACK_BOT_TOKEN: 'xoxb-redact-me-123', SLACK_SIGNING_SECRET: 'signing-secret-redact-me', SLACK_APP_TOKEN: 'xapp-redact-me-456' };
    const folder = await mkdtemp(path.join(os.tmpdir(), 'baton-secrets-'));
    const settings = path.join(folder, 'baton.config.json');
    await writeFile(settings, '{}');
    const baton = await createBaton({ env: { BATON_LOG_LEVEL: 'info', BATON_CONFIG: settings, BATON_MODEL: 'offline', SLACK_APPROVALS_CHANNEL: 'C0APPROVALS', SLACK_MODE: 'http', ...secrets }, logDestination: destination });
    try {
      for (const value of Object.values(secrets)) baton.logger.info({ header: `Bearer ${value}`, nested: { value } }, `a message quoting ${value}`);
    } finally {
      await baton.close();
      await rm(folder, { recursive: true, force: true });
    }
    const text = chunks.join('');
    expect(text).toContain('[redacted]');
    for (const value of Object.values(secrets)) expect(text).not.toContain(value);
  });
});
