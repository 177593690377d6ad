import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { BatonError } from '../../src/errors/index.js';

const base = { BATON_MODEL: 'offline' };

describe('Slack configuration', () => {
  it('leaves Slack off without a bot token', () => {
    expect(loadConfig(base).slack).toBeUndefined();
  });

  it('chooses Socket Mode when an app token is set, HTTP otherwise, and defaults the alerts channel to the approvals channel', () => {
    const socket = loadConfig({ ...base, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_APPROVALS_CHANNEL: 'C0APPROVE' }).slack;
    expect(socket).toMatchObject({ mode: 'socket', alertsChannel: 'C0APPROVE', apiUrl: 'https://slack.com/api/', reminderMinutes: 60 });
    const http = loadConfig({ ...base, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APPROVALS_CHANNEL: 'C0APPROVE', SLACK_ALERTS_CHANNEL: 'C0ALERTS' }).slack;
    expect(http).toMatchObject({ mode: 'http', alertsChannel: 'C0ALERTS' });
  });

  it('reports every missing Slack setting at once, naming each variable, without echoing secrets', () => {
    const error = (() => {
      try {
        loadConfig({ ...base, SLACK_BOT_TOKEN: 'xoxb-secret-value' });
        return undefined;
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(BatonError);
    const message = (error as BatonError).message;
    expect(message).toContain('SLACK_SIGNING_SECRET is required in HTTP mode');
    expect(message).toContain('SLACK_APPROVALS_CHANNEL is required');
    expect(message).not.toContain('xoxb-secret-value');
    expect(() => loadConfig({ ...base, SLACK_BOT_TOKEN: 'not-a-bot-token' })).toThrow(/SLACK_BOT_TOKEN=\(hidden\): must start with xoxb-/);
  });
});
