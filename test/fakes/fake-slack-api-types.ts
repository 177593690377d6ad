/** What the fake Slack Web API recorded, in the shapes Slack itself would store. */

export interface FakeSlackMessage {
  readonly channel: string;
  readonly ts: string;
  readonly threadTs: string | undefined;
  text: string;
  blocks: unknown[];
  /** How many times chat.update rewrote it. */
  updates: number;
}

export interface FakeSlackEphemeral {
  readonly channel: string;
  readonly user: string;
  readonly text: string;
}

export interface FakeSlackView {
  readonly id: string;
  readonly triggerId: string;
  view: Record<string, unknown>;
}

export interface FakeSlackCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly status: number;
}

/** A fault for the next call of a method: Slack's 429 with Retry-After (seconds), or a 5xx. */
export type FakeSlackFault = { readonly status: 429; readonly retryAfterSeconds: number } | { readonly status: 500 | 503 };
