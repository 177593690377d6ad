import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { BlockSchema, ModalSchema } from '../../slack/index.js';
import { listenOnLoopback } from './fake-salesforce-server-http.js';
import type { FakeSlackCall, FakeSlackEphemeral, FakeSlackFault, FakeSlackMessage, FakeSlackView } from './fake-slack-api-types.js';

/** Web API fields Slack documents as JSON strings inside a form body. */
const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

export interface FakeSlackApiOptions {
  readonly botToken: string;
  /** For Socket Mode: what `apps.connections.open` returns. */
  readonly socketUrl?: string;
  readonly appToken?: string;
}

/**
 * The Slack Web API methods Baton calls, on 127.0.0.1, speaking Slack's wire format: form or
 * JSON bodies with `blocks`/`view` as JSON strings, a bearer token, `{ok: false, error}` bodies
 * with HTTP 200 for method errors, and 429 with `Retry-After` when a fault is queued. Blocks and
 * views are checked against the Block Kit schema, as Slack answers `invalid_blocks`.
 */
export class FakeSlackApi {
  readonly messages: FakeSlackMessage[] = [];
  readonly ephemerals: FakeSlackEphemeral[] = [];
  readonly views: FakeSlackView[] = [];
  readonly responses: { readonly id: string; readonly body: Record<string, unknown> }[] = [];
  readonly calls: FakeSlackCall[] = [];
  private readonly faults = new Map<string, FakeSlackFault[]>();
  private readonly groups = new Map<string, string[]>();
  private clock = 1_800_000_000;
  private sequence = 0;
  private server: Server | undefined;
  private base = '';

  private constructor(private readonly options: FakeSlackApiOptions) {}

  static async start(options: FakeSlackApiOptions): Promise<FakeSlackApi> {
    const fake = new FakeSlackApi(options);
    const { server, url } = await listenOnLoopback((request, response) => fake.handle(request, response));
    fake.server = server;
    fake.base = url;
    return fake;
  }

  /** The Web API base, as `slackApiUrl` takes it. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A slash command's response URL that records what is posted to it. */
  responseUrl(id: string): string {
    return `${this.base}/response/${id}`;
  }

  failNext(method: string, fault: FakeSlackFault): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), fault]);
  }

  setGroupMembers(group: string, users: readonly string[]): void {
    this.groups.set(group, [...users]);
  }

  callsOf(method: string): FakeSlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  thread(rootTs: string): FakeSlackMessage[] {
    return this.messages.filter((message) => message.threadTs === rootTs);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => { resolve(); });
      this.server?.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(request);
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ id: url.pathname.slice('/response/'.length), body });
      send(response, 200, { ok: true });
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const fault = this.faults.get(method)?.shift();
    if (fault !== undefined) {
      this.calls.push({ method, body, status: fault.status });
      if (fault.status === 429) send(response, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfterSeconds) });
      else send(response, fault.status, { ok: false, error: 'internal_error' });
      return;
    }
    this.calls.push({ method, body, status: 200 });
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '') || text(body['token']);
    const expected = method === 'apps.connections.open' ? this.options.appToken : this.options.botToken;
    send(response, 200, token === expected ? this.answer(method, body) : { ok: false, error: 'invalid_auth' });
  }

  private nextTs(): string {
    this.sequence += 1;
    return `${this.clock}.${String(this.sequence).padStart(6, '0')}`;
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://baton-test.slack.com/', team: 'Baton Test', user: 'baton', team_id: 'T0BATON', user_id: 'UBATONBOT', bot_id: 'BBATON' };
      case 'chat.postMessage':
        return this.postMessage(body);
      case 'chat.update':
        return this.update(body);
      case 'chat.getPermalink':
        return this.permalink(body);
      case 'chat.postEphemeral': {
        this.ephemerals.push({ channel: String(body['channel']), user: String(body['user']), text: text(body['text']) });
        return { ok: true, message_ts: this.nextTs() };
      }
      case 'views.open':
      case 'views.update':
        return this.openView(method, body);
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body['users']).replace(/^U/, '')}` } };
      case 'usergroups.users.list':
        return { ok: true, users: this.groups.get(String(body['usergroup'])) ?? [] };
      case 'apps.connections.open':
        return this.options.socketUrl === undefined ? { ok: false, error: 'not_allowed_token_type' } : { ok: true, url: this.options.socketUrl };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private postMessage(body: Record<string, unknown>): Record<string, unknown> {
    const channel = body['channel'];
    if (typeof channel !== 'string' || channel === '') return { ok: false, error: 'channel_not_found' };
    const blocks = (body['blocks'] as unknown[] | undefined) ?? [];
    const invalid = invalidBlocks(blocks);
    if (invalid !== undefined) return { ok: false, error: 'invalid_blocks', errors: [invalid] };
    const ts = this.nextTs();
    const threadTs = typeof body['thread_ts'] === 'string' ? body['thread_ts'] : undefined;
    this.messages.push({ channel, ts, threadTs, text: text(body['text']), blocks, updates: 0 });
    return { ok: true, channel, ts, message: { type: 'message', text: body['text'], blocks, ts, ...(threadTs === undefined ? {} : { thread_ts: threadTs }) } };
  }

  /** Slack's shape: `https://{workspace}.slack.com/archives/{channel}/p{ts without the dot}`, with the thread for a reply. */
  private permalink(body: Record<string, unknown>): Record<string, unknown> {
    const message = this.messages.find((candidate) => candidate.channel === body['channel'] && candidate.ts === body['message_ts']);
    if (message === undefined) return { ok: false, error: 'message_not_found' };
    const thread = message.threadTs === undefined ? '' : `?thread_ts=${message.threadTs}&cid=${message.channel}`;
    return { ok: true, channel: message.channel, permalink: `https://baton-test.slack.com/archives/${message.channel}/p${message.ts.replace('.', '')}${thread}` };
  }

  private update(body: Record<string, unknown>): Record<string, unknown> {
    const message = this.messages.find((candidate) => candidate.channel === body['channel'] && candidate.ts === body['ts']);
    if (message === undefined) return { ok: false, error: 'message_not_found' };
    const blocks = (body['blocks'] as unknown[] | undefined) ?? [];
    const invalid = invalidBlocks(blocks);
    if (invalid !== undefined) return { ok: false, error: 'invalid_blocks', errors: [invalid] };
    message.text = text(body['text']) || message.text;
    message.blocks = blocks;
    message.updates += 1;
    return { ok: true, channel: message.channel, ts: message.ts, text: message.text };
  }

  private openView(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const parsed = ModalSchema.safeParse(body['view']);
    if (!parsed.success) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) } };
    const id = method === 'views.open' ? `V${String(this.views.length + 1).padStart(8, '0')}` : String(body['view_id']);
    const existing = this.views.find((view) => view.id === id);
    if (existing !== undefined) existing.view = parsed.data;
    else this.views.push({ id, triggerId: String(body['trigger_id']), view: parsed.data });
    return { ok: true, view: { id, ...parsed.data } };
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function invalidBlocks(blocks: readonly unknown[]): string | undefined {
  if (blocks.length > 50) return 'no more than 50 items allowed [json-pointer:/blocks]';
  const index = blocks.findIndex((block) => !BlockSchema.safeParse(block).success);
  return index === -1 ? undefined : `invalid block [json-pointer:/blocks/${index}]`;
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  if ((request.headers['content-type'] ?? '').startsWith('application/json')) return JSON.parse(text) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) fields[key] = JSON_FIELDS.has(key) ? (JSON.parse(value) as unknown) : value;
  return fields;
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
