import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { McpIdentity } from '../../src/config.js';

export interface HttpAccessOptions {
  readonly tokens: readonly { readonly token: string; readonly identity: McpIdentity }[];
  readonly allowedOrigins: readonly string[];
  /** Host header values; `*` allows any. An entry without a port matches that host on any port. */
  readonly allowedHosts: readonly string[];
}

export type AccessDecision =
  | { readonly allowed: true; readonly identity: McpIdentity; readonly token: string }
  | { readonly allowed: false; readonly status: 401 | 403; readonly message: string };

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may call /mcp: a Host this server answers to and an allowed Origin (a browser page on
 * another site must not reach a local server through DNS rebinding), then a known bearer token,
 * compared in constant time. The token decides the caller's identity.
 */
export function createHttpAccess(options: HttpAccessOptions): (request: IncomingMessage) => AccessDecision {
  const tokens = options.tokens.map((entry) => ({ digest: digest(entry.token), ...entry }));
  const anyHost = options.allowedHosts.includes('*');
  return (request) => {
    const host = request.headers.host ?? '';
    if (!anyHost && !hostAllowed(host, options.allowedHosts)) {
      return { allowed: false, status: 403, message: `Host "${host}" is not served here; add it to BATON_MCP_ALLOWED_HOSTS.` };
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !options.allowedOrigins.includes(origin)) {
      return { allowed: false, status: 403, message: `Origin ${origin} may not call this server; add it to BATON_MCP_ALLOWED_ORIGINS.` };
    }
    if (tokens.length === 0) return { allowed: false, status: 401, message: 'MCP over HTTP needs a bearer token and none is configured: set BATON_MCP_TOKEN (or BATON_MCP_TOKENS).' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const presented = match?.[1];
    if (presented === undefined) return { allowed: false, status: 401, message: 'Send the token in an Authorization: Bearer <token> header.' };
    const presentedDigest = digest(presented);
    const found = tokens.find((entry) => timingSafeEqual(entry.digest, presentedDigest));
    if (found === undefined) return { allowed: false, status: 401, message: 'The bearer token is not valid.' };
    return { allowed: true, identity: found.identity, token: found.token };
  };
}

function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const name = host.replace(/:\d+$/, '');
  return allowed.some((entry) => entry === host || entry === name);
}
