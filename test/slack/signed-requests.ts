import { createHmac } from 'node:crypto';

/** Requests as Slack sends them to an app: form bodies, signed `v0=HMAC(secret, "v0:{ts}:{body}")`. */

export interface SignedPostOptions {
  /** Seconds since the epoch; defaults to now. */
  readonly timestamp?: number;
  /** Sign with this instead of the app's secret: a forged request. */
  readonly secret?: string;
}

export interface SlackSender {
  post(body: string, options?: SignedPostOptions): Promise<{ status: number; text: string; json: () => Record<string, unknown> }>;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function createSlackSender(url: string, signingSecret: string): SlackSender {
  return {
    async post(body, options = {}) {
      const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature(options.secret ?? signingSecret, timestamp, body),
        },
        body,
      });
      const text = await response.text();
      return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
    },
  };
}

let triggers = 0;
export const nextTriggerId = () => `${Date.now()}.${(triggers += 1)}.trigger`;
/** Slack's `action_ts` is unique per click, microseconds included. */
const nextActionTs = () => `${Math.floor(Date.now() / 1000)}.${String((triggers += 1) % 1_000_000).padStart(6, '0')}`;

export function slashCommandBody(command: string, text: string, options: { user: string; channel: string; responseUrl: string; triggerId?: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0BATON',
    team_domain: 'baton-test',
    channel_id: options.channel,
    channel_name: 'approvals',
    user_id: options.user,
    user_name: options.user.toLowerCase(),
    command,
    text,
    api_app_id: 'A0BATON',
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? nextTriggerId(),
  }).toString();
}

export function blockActionBody(options: { user: string; channel: string; messageTs: string; actionId: string; value: string; blockId?: string }): string {
  const payload = {
    type: 'block_actions',
    user: { id: options.user, username: options.user.toLowerCase(), name: options.user.toLowerCase(), team_id: 'T0BATON' },
    api_app_id: 'A0BATON',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: options.messageTs, channel_id: options.channel, is_ephemeral: false },
    trigger_id: nextTriggerId(),
    team: { id: 'T0BATON', domain: 'baton-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: options.channel, name: 'approvals' },
    message: { type: 'message', ts: options.messageTs, text: 'card' },
    response_url: 'http://127.0.0.1:1/unused',
    actions: [{ action_id: options.actionId, block_id: options.blockId ?? 'approval', text: { type: 'plain_text', text: 'x' }, value: options.value, type: 'button', action_ts: nextActionTs() }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export type ViewStateValues = Record<string, Record<string, Record<string, unknown>>>;

export function viewSubmissionBody(options: { user: string; viewId: string; callbackId: string; privateMetadata: string; values: ViewStateValues }): string {
  const payload = {
    type: 'view_submission',
    team: { id: 'T0BATON', domain: 'baton-test' },
    user: { id: options.user, username: options.user.toLowerCase(), name: options.user.toLowerCase(), team_id: 'T0BATON' },
    api_app_id: 'A0BATON',
    token: 'legacy-verification-token',
    trigger_id: nextTriggerId(),
    view: {
      id: options.viewId,
      team_id: 'T0BATON',
      type: 'modal',
      callback_id: options.callbackId,
      private_metadata: options.privateMetadata,
      state: { values: options.values },
      hash: '1700000000.abcdef',
      title: { type: 'plain_text', text: 'Edit' },
      blocks: [],
    },
    response_urls: [],
    is_enterprise_install: false,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A modal's inputs as `view.state.values` carries them after a person typed: block id → `value` → the element's state. */
export function stateFromModal(view: Record<string, unknown>, overrides: Record<string, string> = {}): ViewStateValues {
  const values: ViewStateValues = {};
  for (const block of view['blocks'] as { type: string; block_id?: string; element?: Record<string, unknown> }[]) {
    if (block.type !== 'input' || block.block_id === undefined || block.element === undefined) continue;
    const element = block.element;
    const override = overrides[block.block_id];
    if (element['type'] === 'static_select') {
      const initial = (element['initial_option'] as { value: string } | undefined)?.value;
      const chosen = override ?? initial;
      values[block.block_id] = { value: { type: 'static_select', selected_option: chosen === undefined ? null : { text: { type: 'plain_text', text: chosen }, value: chosen } } };
    } else {
      values[block.block_id] = { value: { type: element['type'], value: override ?? element['initial_value'] ?? null } };
    }
  }
  return values;
}
