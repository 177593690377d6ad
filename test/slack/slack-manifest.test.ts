import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const manifest = z
  .object({
    features: z.object({ slash_commands: z.array(z.object({ command: z.string(), url: z.url(), usage_hint: z.string().max(1_000) })) }),
    oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
    settings: z.object({ interactivity: z.object({ is_enabled: z.literal(true), request_url: z.url() }), socket_mode_enabled: z.boolean() }),
  })
  .parse(JSON.parse(readFileSync(path.join(import.meta.dirname, '../../slack/manifest.json'), 'utf8')));

describe('the Slack app manifest', () => {
  it('declares the commands Baton listens for, at the path baton serve mounts', () => {
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual(['/research', '/baton']);
    for (const url of [...manifest.features.slash_commands.map((command) => command.url), manifest.settings.interactivity.request_url]) expect(new URL(url).pathname).toBe('/slack/events');
  });

  it('asks for the scopes of every Web API method Baton calls, and no more', () => {
    // chat.postMessage/update/postEphemeral; chat:write.public posts in public channels without an invite; conversations.open for DMs; usergroups.users.list for reviewer groups.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['chat:write', 'chat:write.public', 'commands', 'im:write', 'usergroups:read']);
  });
});
