import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPResponseAck, type App, type Logger as BoltLogger, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { requestShapeProblem } from './request-shape.js';

const UNACKNOWLEDGED_AFTER_MS = 2_500;

export interface SlackHttpReceiverOptions {
  readonly signingSecret: string;
  readonly logger: BoltLogger;
  /** For tests of the replay window; defaults to the clock. */
  readonly now?: () => number;
}

/**
 * Bolt's receiver for HTTP mode without a server of its own: `baton serve` mounts `handle` on its
 * HTTP server (`/slack/...`). Every request is verified (`v0:{timestamp}:{body}` HMAC with the
 * signing secret; older than five minutes is refused as a replay) before anything else; a forged
 * one gets 401 and reaches no listener. `ssl_check` and `url_verification` are answered here.
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly options: SlackHttpReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  readonly handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST') {
      HTTPModuleFunctions.buildNoBodyResponse(response, 405);
      return;
    }
    const { logger } = this.options;
    let buffered;
    try {
      buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ signingSecret: this.options.signingSecret, logger, ...(this.options.now === undefined ? {} : { nowMilliseconds: this.options.now }) }, request);
    } catch (error) {
      logger.warn(`Slack request refused: ${error instanceof Error ? error.message : String(error)}`);
      HTTPModuleFunctions.buildNoBodyResponse(response, 401);
      return;
    }
    let parsed: unknown;
    try {
      parsed = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      HTTPModuleFunctions.buildNoBodyResponse(response, 400);
      return;
    }
    // Signed is not the same as well-formed: a `payload` of `null` or `7` is not an event.
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      logger.warn('Slack request refused: its body is not an object');
      HTTPModuleFunctions.buildNoBodyResponse(response, 400);
      return;
    }
    const body = parsed as Record<string, unknown>;
    if (body['ssl_check'] === '1') {
      HTTPModuleFunctions.buildSSLCheckResponse(response);
      return;
    }
    if (body['type'] === 'url_verification') {
      HTTPModuleFunctions.buildUrlVerificationResponse(response, body);
      return;
    }
    const problem = requestShapeProblem(body);
    if (problem !== undefined) {
      logger.warn(`Slack request refused: ${problem}`);
      HTTPModuleFunctions.buildNoBodyResponse(response, 400);
      return;
    }
    await this.dispatch(request, buffered, response, body);
  };

  private async dispatch(request: IncomingMessage, buffered: IncomingMessage, response: ServerResponse, body: Record<string, unknown>): Promise<void> {
    // A listener that has not acknowledged within 2.5 s never will in time: answer before Slack's 3 s run out.
    const ack = new HTTPResponseAck({ logger: this.options.logger, processBeforeResponse: false, unhandledRequestTimeoutMillis: UNACKNOWLEDGED_AFTER_MS, httpRequest: buffered, httpRequestBody: body, httpResponse: response });
    const retryNum = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(request);
    const retryReason = HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(request);
    const event: ReceiverEvent = { body, ack: ack.bind(), ...(retryNum === undefined ? {} : { retryNum }), ...(retryReason === undefined ? {} : { retryReason }) };
    try {
      await this.app?.processEvent(event);
    } catch (error) {
      this.options.logger.error(`Slack listener failed: ${error instanceof Error ? error.message : String(error)}`);
      // Marking the ack alone would stop Bolt's timer and leave the request open until Slack gives up.
      if (!response.headersSent) {
        ack.ack();
        HTTPModuleFunctions.buildNoBodyResponse(response, 500);
      }
      return;
    }
    // Every listener has run: none acknowledged, so none handles this request. Say so now rather
    // than after Bolt's 3 s timer, when Slack has already given up.
    if (!response.headersSent) {
      this.options.logger.warn(`Slack request with no listener: ${describe(body)}`);
      HTTPModuleFunctions.buildNoBodyResponse(response, 404);
    }
  }
}

/** The request's kind, for the log: never its content. */
function describe(body: Record<string, unknown>): string {
  const kind = typeof body['type'] === 'string' ? body['type'] : typeof body['command'] === 'string' ? `command ${body['command']}` : 'unknown';
  return kind.slice(0, 80);
}
