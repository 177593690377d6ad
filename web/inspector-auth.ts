import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface InspectorIdentity {
  readonly id: string;
  readonly groups: readonly string[];
}

export interface InspectorAccess {
  /** The bearer tokens MCP over HTTP accepts (BATON_MCP_TOKEN, BATON_MCP_TOKENS), each acting as its reviewer. */
  readonly tokens: readonly { readonly token: string; readonly identity: InspectorIdentity }[];
  /** With no token configured, a server bound to loopback only serves the page to its own machine. */
  readonly openWithoutToken: boolean;
}

export const SESSION_COOKIE = 'baton_inspector';

/** The identity with no token on a loopback-only server: decisions are recorded as taken via the web page. */
const LOCAL_IDENTITY: InspectorIdentity = { id: 'web', groups: [] };

/** Who is asking, from `Authorization: Bearer` or the session cookie; undefined means not signed in. */
export function authenticate(request: IncomingMessage, access: InspectorAccess): InspectorIdentity | undefined {
  if (access.tokens.length === 0) return access.openWithoutToken ? LOCAL_IDENTITY : undefined;
  const header = request.headers.authorization;
  const bearer = header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length).trim() : undefined;
  return identityOf(bearer ?? cookieOf(request, SESSION_COOKIE), access);
}

export function identityOf(token: string | undefined, access: InspectorAccess): InspectorIdentity | undefined {
  if (token === undefined || token === '') return undefined;
  // Compare digests so neither the length nor the bytes of a configured token leak through timing.
  const offered = createHash('sha256').update(token).digest();
  return access.tokens.find((entry) => timingSafeEqual(createHash('sha256').update(entry.token).digest(), offered))?.identity;
}

function cookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** HttpOnly so page script can never read it; SameSite=Strict so another site's form cannot use it. */
export function sessionCookie(token: string, path: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=${path}; HttpOnly; SameSite=Strict`;
}
