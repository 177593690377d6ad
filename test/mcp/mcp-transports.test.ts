import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../src/main/http-server.js';
import { createMcpRoute } from '../../src/main/mcp-http-route.js';
import { createMcpHarness, type McpHarness } from './mcp-harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DANA = 'dana-token-0123456789abcdef';
const EVE = 'eve-token-0123456789abcdef';

let harness: McpHarness;
let http: RunningHttpServer;

// Sending a sequence needs dana; eve has a token but is no reviewer for it.
beforeAll(async () => {
  harness = await createMcpHarness('transports', {
    env: { BATON_MCP_TOKENS: JSON.stringify({ dana: DANA, eve: { token: EVE, groups: ['interns'] } }) },
    settings: { reviewPolicies: { send_sequence: { risk: 'high', reviewers: { users: ['dana'], groups: [] } } } },
  });
  http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [await createMcpRoute(harness.baton, harness.opened)], logger: harness.baton.logger });
}, 60_000);

afterAll(async () => {
  await http.close();
  await harness.close();
});

const example = async (name: string) => JSON.parse(await readFile(path.join(ROOT, `examples/workflows/${name}.json`), 'utf8')) as Record<string, unknown>;
const structured = (result: CallToolResult | Record<string, unknown>) => result.structuredContent as { runId: string; status: string; pendingApprovals: { approvalId: string; fingerprint: string }[] };

async function httpClient(token: string): Promise<Client> {
  const client = new Client({ name: 'baton-http-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  return client;
}

/**
 * Progress as the server sent it. The SDK's client handles a notification a microtask after
 * reading it but a response at once, so a notification read in the same chunk as the result
 * reaches `onerror` ("unknown token") instead of `onprogress`; the server pauses before the
 * result to make that rare, and a loaded machine can still read them together.
 */
function followProgress(client: Client): { progress: string[]; onprogress: (note: { message?: string }) => void } {
  const progress: string[] = [];
  client.onerror = (error) => {
    const late = /progress notification for an unknown token: (\{.*\})$/s.exec(error.message)?.[1];
    if (late !== undefined) progress.push((JSON.parse(late) as { params: { message?: string } }).params.message ?? '');
  };
  return { progress, onprogress: (note) => { progress.push(note.message ?? ''); } };
}

describe('stdio: baton mcp', () => {
  it('serves the tools to a client that started it, with only protocol on stdout', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'mcp'],
      cwd: ROOT,
      env: { ...(process.env as Record<string, string>), ...harness.env, BATON_LOG_LEVEL: 'info' },
      stderr: 'pipe',
    });
    const logs: string[] = [];
    transport.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    const client = new Client({ name: 'baton-stdio-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(['classify_reply', 'get_run', 'agent_reply_classifier']));
      const { progress, onprogress } = followProgress(client);
      const result = await client.callTool({ name: 'classify_reply', arguments: await example('classify-reply') }, undefined, { onprogress });
      expect(structured(result).status).toBe('succeeded');
      expect(progress.some((message) => message.startsWith('classify completed'))).toBe(true);
      const read = await client.callTool({ name: 'get_run', arguments: { runId: structured(result).runId } });
      expect(structured(read).status).toBe('succeeded');
    } finally {
      await client.close();
    }
    expect(logs.join('')).toContain('baton mcp serving on stdio');
  }, 60_000);
});

describe('Streamable HTTP at /mcp', () => {
  it('refuses a call without a token, with a wrong token, and from a foreign Origin', async () => {
    const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'curl', version: '1' } } });
    const post = (headers: Record<string, string>) => fetch(`${http.url}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: initialize });
    const bare = await post({});
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toContain('Bearer');
    expect(((await bare.json()) as { error: { message: string } }).error.message).toContain('Authorization: Bearer');
    expect((await post({ authorization: 'Bearer not-the-token-at-all' })).status).toBe(401);
    const rebinding = await post({ authorization: `Bearer ${DANA}`, origin: 'https://evil.example' });
    expect(rebinding.status).toBe(403);
    // fetch sets Host itself; a rebinding page's request carries the attacker's host name.
    const badHost = await new Promise<number>((resolve, reject) => {
      const address = new URL(http.url);
      const request = httpRequest({ host: address.hostname, port: address.port, path: '/mcp', method: 'POST', headers: { host: 'evil.example', authorization: `Bearer ${DANA}`, 'content-type': 'application/json' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end(initialize);
    });
    expect(badHost).toBe(403);
  });

  it('lists tools and runs a workflow with progress over HTTP', async () => {
    const client = await httpClient(DANA);
    try {
      expect((await client.listTools()).tools.length).toBeGreaterThan(20);
      const { progress, onprogress } = followProgress(client);
      const result = await client.callTool({ name: 'handle_reply', arguments: await example('handle-reply') }, undefined, { onprogress });
      expect(structured(result).status).toBe('succeeded');
      expect(progress.some((message) => message.includes('completed'))).toBe(true);
    } finally {
      await client.close();
    }
  }, 30_000);

  it('records the decision as the token\'s reviewer, and refuses a caller the review policy does not list', async () => {
    const eve = await httpClient(EVE);
    const dana = await httpClient(DANA);
    try {
      const waiting = structured(await eve.callTool({ name: 'write_cold_sequence', arguments: await example('write-cold-sequence') }));
      const [approval] = waiting.pendingApprovals;
      if (approval === undefined) throw new Error('no pending approval');
      const refused = await eve.callTool({ name: 'decide_approval', arguments: { approvalId: approval.approvalId, fingerprint: approval.fingerprint, decision: 'approve' } });
      expect(refused.isError).toBe(true);
      expect((refused.content as { text: string }[])[0]?.text).toContain('decide_approval failed (unauthorized)');
      const decided = await dana.callTool({ name: 'decide_approval', arguments: { approvalId: approval.approvalId, fingerprint: approval.fingerprint, decision: 'reject', reason: 'wrong signal for this account' } });
      expect(decided.isError ?? false).toBe(false);
      expect(structured(decided).status).toBe('failed');
      expect(await harness.opened.engine.getApproval(approval.approvalId)).toMatchObject({ status: 'rejected', decidedBy: 'dana', reason: 'wrong signal for this account' });
    } finally {
      await Promise.all([eve.close(), dana.close()]);
    }
  }, 30_000);

  it('cancels the run when the client cancels the call over HTTP', async () => {
    await harness.stopWorkers();
    const client = await httpClient(DANA);
    try {
      const controller = new AbortController();
      const call = client.callTool({ name: 'classify_reply_by_vote', arguments: await example('classify-reply-by-vote') }, undefined, { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 300));
      controller.abort('changed my mind');
      await expect(call).rejects.toThrow();
      const deadline = Date.now() + 5_000;
      for (;;) {
        const [latest] = (await harness.opened.engine.listRuns({ limit: 5 })).runs.filter((run) => run.name === 'classify_reply_by_vote');
        if (latest?.status === 'cancelled') break;
        if (Date.now() > deadline) throw new Error(`the run was not cancelled: ${latest?.status ?? 'no run'}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await client.close();
      await harness.startWorkers();
    }
  }, 30_000);
});
