import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_ERROR_TYPES, type FakeErrorStatus, type FakeResponder, type FakeStep, type RecordedRequest } from './fake-anthropic-types.js';
import { offeredWebSearch, searchTurn } from './fake-anthropic-search.js';
import { createUsageMeter } from './fake-anthropic-usage.js';
import { findRequestProblem, isJsonObject } from './fake-anthropic-validation.js';
import { waitUnlessClosed } from './wait-unless-closed.js';

export interface FakeAnthropicServerOptions {
  /** The key every request must carry, as `x-api-key` or `Authorization: Bearer`; defaults to `test-key`. */
  readonly apiKey?: string;
  /** The web search tool versions this API accepts (all the fake knows by default); others get a 400, as an unknown version does. */
  readonly webSearchToolTypes?: readonly string[];
}

interface Exchange {
  readonly response: ServerResponse;
  readonly request: RecordedRequest;
  readonly sequence: number;
  readonly requestId: string;
}

/**
 * The Anthropic Messages API on 127.0.0.1, for tests that drive the real SDK through `baseURL`.
 * Requests are answered from a script per output tool name (`tool_choice.name`, or the only client
 * tool when the model may also search), then from that tool's default responder; every request is
 * recorded with its headers and parsed body.
 */
export class FakeAnthropicServer {
  readonly #apiKey: string;
  readonly #webSearchToolTypes: readonly string[] | undefined;
  readonly #scripts = new Map<string, FakeStep[]>();
  readonly #responders = new Map<string, FakeResponder>();
  readonly #requests: RecordedRequest[] = [];
  readonly #meter = createUsageMeter();
  #server: Server | undefined;
  #url: string | undefined;
  #sequence = 0;

  constructor(options: FakeAnthropicServerOptions = {}) {
    this.#apiKey = options.apiKey ?? 'test-key';
    this.#webSearchToolTypes = options.webSearchToolTypes;
  }

  /** The base URL to hand the SDK (`baseURL`) or ANTHROPIC_BASE_URL. */
  get url(): string {
    if (this.#url === undefined) throw new Error('FakeAnthropicServer: call start() before reading url');
    return this.#url;
  }

  /** Every request received, in order, including rejected ones. */
  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      // A failure inside the fake must not become an unhandled rejection; the client sees a reset.
      this.#handle(request, response).catch(() => response.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        resolve();
      });
    });
    this.#server = server;
    this.#url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (server === undefined) return;
    this.#server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  }

  /** Queues steps for requests that answer through `toolName`; each request takes the next step. */
  script(toolName: string, ...steps: readonly FakeStep[]): this {
    this.#scripts.set(toolName, [...(this.#scripts.get(toolName) ?? []), ...steps]);
    return this;
  }

  /** Answers requests for `toolName` once its script is used up. */
  respond(toolName: string, responder: FakeResponder): this {
    this.#responders.set(toolName, responder);
    return this;
  }

  requestsFor(toolName: string): readonly RecordedRequest[] {
    return this.#requests.filter((request) => request.toolName === toolName);
  }

  /** Scripted steps not yet used, so a test can check its script ran to the end. */
  pendingSteps(toolName: string): number {
    return this.#scripts.get(toolName)?.length ?? 0;
  }

  async #handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const request = record(incoming, await readBody(incoming));
    this.#requests.push(request);
    this.#sequence += 1;
    const sequence = this.#sequence;
    const exchange: Exchange = { response, request, sequence, requestId: `req_fake_${String(sequence).padStart(6, '0')}` };
    const refusal = this.#refuse(request);
    if (refusal === undefined) await this.#perform(exchange, this.#nextStep(request));
    else sendError(exchange, refusal.status, refusal.message);
  }

  #refuse(request: RecordedRequest): { status: FakeErrorStatus; message: string } | undefined {
    if (request.method !== 'POST' || request.path !== '/v1/messages') {
      return { status: 404, message: `Not found: ${request.method} ${request.path}` };
    }
    const { headers } = request;
    const key = headers['x-api-key'] ?? headers['authorization']?.replace(/^Bearer /, '');
    if (key !== this.#apiKey) return { status: 401, message: 'invalid x-api-key' };
    if (headers['anthropic-version'] === undefined) return { status: 400, message: 'anthropic-version: header is required' };
    const problem = findRequestProblem(request.body, this.#webSearchToolTypes);
    return problem === undefined ? undefined : { status: 400, message: problem };
  }

  #nextStep(request: RecordedRequest): FakeStep {
    const key = request.toolName ?? '';
    const scripted = this.#scripts.get(key)?.shift();
    if (scripted !== undefined) return scripted;
    const responder = this.#responders.get(key);
    if (responder !== undefined) return responder(request);
    return { error: 400, message: `FakeAnthropicServer: no scripted step or responder for tool "${key}"` };
  }

  async #perform(exchange: Exchange, step: FakeStep): Promise<void> {
    if ('delayMs' in step) {
      if (await waitUnlessClosed(exchange.response, step.delayMs)) await this.#perform(exchange, step.then);
      return;
    }
    if ('disconnect' in step) {
      exchange.response.socket?.destroy();
      return;
    }
    if ('error' in step) {
      const retryAfter: Record<string, string> = step.error === 429 ? { 'retry-after': String(step.retryAfterSeconds ?? 1) } : {};
      sendError(exchange, step.error, step.message ?? `fake ${FAKE_ERROR_TYPES[step.error]}`, { ...retryAfter, ...step.headers });
      return;
    }
    if ('malformedJson' in step) {
      writeJson(exchange, 200, `{"id":"msg_fake","type":"message","role":"assistant","content":[{"type":"te`);
      return;
    }
    const body = exchange.request.body as Record<string, unknown>;
    const searchTool = offeredWebSearch(body);
    if ('searches' in step && searchTool === undefined) {
      sendError(exchange, 400, 'FakeAnthropicServer: the scripted step searches the web, but the request offers no web_search tool');
      return;
    }
    const searched = 'searches' in step && searchTool !== undefined ? searchTurn(step.searches, searchTool, exchange.sequence) : undefined;
    const answer = 'searches' in step ? step.then : step;
    const [content, stopReason] = this.#answer(exchange, answer);
    const usage = this.#meter.measure(body, [...(searched?.blocks ?? []), ...content]);
    const serverToolUse = searchTool === undefined ? {} : { server_tool_use: { web_search_requests: searched?.webSearchRequests ?? 0, web_fetch_requests: 0 } };
    writeJson(
      exchange,
      200,
      JSON.stringify({
        id: `msg_fake_${exchange.sequence}`,
        type: 'message',
        role: 'assistant',
        model: body['model'],
        content: [...(searched?.blocks ?? []), ...content],
        stop_reason: stopReason,
        stop_sequence: null,
        usage: { ...usage, ...serverToolUse },
      }),
    );
  }

  #answer(exchange: Exchange, step: { reply: unknown } | { text: string } | { maxTokens: unknown } | { pauseTurn: true }): [object[], string] {
    const toolUse = (input: unknown) => ({ type: 'tool_use', id: `toolu_fake_${exchange.sequence}`, name: exchange.request.toolName, input });
    if ('reply' in step) return [[toolUse(step.reply)], 'tool_use'];
    if ('text' in step) return [[{ type: 'text', text: step.text }], 'end_turn'];
    if ('pauseTurn' in step) return [[], 'pause_turn'];
    return [[toolUse(step.maxTokens)], 'max_tokens'];
  }
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function record(incoming: IncomingMessage, text: string): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const body = parseJson(text);
  return { method: incoming.method ?? 'GET', path: (incoming.url ?? '/').split('?')[0] ?? '/', headers, body, toolName: outputToolName(body) };
}

/** The forced tool, or else the only client tool: with web search offered the output tool is not forced. */
function outputToolName(body: unknown): string | undefined {
  if (!isJsonObject(body)) return undefined;
  const choice = isJsonObject(body['tool_choice']) ? body['tool_choice'] : undefined;
  if (choice?.['type'] === 'tool') return typeof choice['name'] === 'string' ? choice['name'] : undefined;
  const tools = Array.isArray(body['tools']) ? body['tools'].filter(isJsonObject) : [];
  const clientTools = tools.filter((tool) => tool['type'] === undefined || tool['type'] === 'custom');
  const only = clientTools.length === 1 ? clientTools[0]?.['name'] : undefined;
  return typeof only === 'string' ? only : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function sendError(exchange: Exchange, status: FakeErrorStatus, message: string, headers: Record<string, string> = {}): void {
  const body = { type: 'error', error: { type: FAKE_ERROR_TYPES[status], message }, request_id: exchange.requestId };
  writeJson(exchange, status, JSON.stringify(body), headers);
}

function writeJson(exchange: Exchange, status: number, text: string, headers: Record<string, string> = {}): void {
  exchange.response.writeHead(status, { 'content-type': 'application/json', 'request-id': exchange.requestId, ...headers });
  exchange.response.end(text);
}

