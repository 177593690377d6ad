import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Slack's Socket Mode server side on 127.0.0.1: a client that opened the URL from
 * `apps.connections.open` gets `hello`, then envelopes (`slash_commands`, `interactive`,
 * `events_api`) each with an `envelope_id`; the app acks `{envelope_id, payload}`.
 */
export class FakeSlackSocket {
  private readonly acks = new Map<string, (ack: Record<string, unknown>) => void>();
  private socket: WebSocket | undefined;
  private connected: () => void = () => undefined;
  private readonly ready: Promise<void>;

  private constructor(private readonly server: WebSocketServer) {
    this.ready = new Promise((resolve) => {
      this.connected = resolve;
    });
    server.on('connection', (socket) => {
      this.socket = socket;
      socket.on('message', (data: Buffer) => {
        const ack = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
        const settle = this.acks.get(String(ack['envelope_id']));
        if (settle !== undefined) settle(ack);
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack-socket', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0BATON' } }));
      this.connected();
    });
  }

  static async start(): Promise<FakeSlackSocket> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => { resolve(); }));
    return new FakeSlackSocket(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=${randomUUID()}&app_id=A0BATON`;
  }

  waitForConnection(): Promise<void> {
    return this.ready;
  }

  /** Sends one envelope and resolves with the app's ack. */
  send(type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const envelopeId = randomUUID();
    const acked = new Promise<Record<string, unknown>>((resolve) => {
      this.acks.set(envelopeId, resolve);
    });
    this.socket?.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    return acked;
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => {
      this.server.close(() => { resolve(); });
    });
  }
}
