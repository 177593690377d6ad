import { html, type SafeHtml } from '../html.js';

/** Asks for the bearer token MCP over HTTP uses; the browser keeps it in an HttpOnly cookie. */
export function loginPage(base: string, configured: boolean): SafeHtml {
  if (!configured) {
    return html`<h1>The run inspector needs a token</h1>
<p>This server listens beyond loopback and has no token configured. Set <code>BATON_MCP_TOKEN</code> (or <code>BATON_MCP_TOKENS</code>) and restart <code>baton serve</code>.</p>`;
  }
  return html`<h1>Sign in</h1>
<form method="post" action="${base}/login"><label>Token (BATON_MCP_TOKEN) <input type="password" name="token" autocomplete="current-password" required></label> <button type="submit">Sign in</button></form>`;
}
