import { Redis } from 'ioredis';

/**
 * Counts what this process asks of Redis, client side, for every ioredis connection in it
 * (BullMQ's queues, workers and their blocking connections included): `Redis.prototype.sendCommand`
 * is wrapped once. A command sent on its own is one round trip; the commands of one pipeline or
 * MULTI/EXEC block (ioredis hands them a shared `isPipeline` stream) are one round trip
 * together. A Lua script (BullMQ's EVALSHA) is one command however much it does in Redis.
 * Server-side `INFO commandstats` is not used: other processes share this Redis.
 */
export interface RedisTally {
  readonly roundTrips: number;
  readonly commands: number;
  /** Round trips by the label given to the connection (`labelConnection`); `unlabelled` for the rest, such as the blocking connections BullMQ workers open for themselves. */
  readonly byConnection: Readonly<Record<string, number>>;
  /** Commands by name (`evalsha`, `bzpopmin`, …). */
  readonly byCommand: Readonly<Record<string, number>>;
}

interface Counter {
  roundTrips: number;
  commands: number;
  byCommand: Map<string, number>;
  byConnection: Map<string, number>;
}

const counter: Counter = { roundTrips: 0, commands: 0, byCommand: new Map(), byConnection: new Map() };
const labels = new WeakMap<object, string>();

/** Names a connection in `byConnection`. */
export function labelConnection(connection: Redis, label: string): void {
  labels.set(connection, label);
}

function countRoundTrip(connection: object): void {
  counter.roundTrips += 1;
  const label = labels.get(connection) ?? 'unlabelled';
  counter.byConnection.set(label, (counter.byConnection.get(label) ?? 0) + 1);
}
let installed = false;

type SendCommand = (this: Redis, command: { name: string; args: unknown[] }, stream?: unknown) => unknown;

/** BullMQ runs everything as Lua scripts; their key count tells them apart well enough (moveToActive has 11, moveToFinished 14, addStandardJob 9). */
function nameOf(command: { name: string; args: unknown[] }): string {
  return command.name === 'evalsha' || command.name === 'eval' ? `${command.name}/${String(command.args[1])}keys` : command.name;
}

function install(): void {
  if (installed) return;
  installed = true;
  const prototype = Redis.prototype as unknown as { sendCommand: SendCommand };
  const original = prototype.sendCommand;
  const pipelines = new WeakSet<object>();
  prototype.sendCommand = function (this: Redis, command, stream) {
    counter.commands += 1;
    const name = nameOf(command);
    counter.byCommand.set(name, (counter.byCommand.get(name) ?? 0) + 1);
    const batch = typeof stream === 'object' && stream !== null && (stream as { isPipeline?: boolean }).isPipeline === true ? stream : undefined;
    if (batch === undefined) countRoundTrip(this);
    else if (!pipelines.has(batch)) {
      pipelines.add(batch);
      countRoundTrip(this);
    }
    return original.call(this, command, stream);
  };
}

function snapshot(): RedisTally {
  return { roundTrips: counter.roundTrips, commands: counter.commands, byCommand: Object.fromEntries(counter.byCommand), byConnection: Object.fromEntries(counter.byConnection) };
}

function difference(after: Readonly<Record<string, number>>, before: Readonly<Record<string, number>>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [name, count] of Object.entries(after)) {
    const grown = count - (before[name] ?? 0);
    if (grown > 0) delta[name] = grown;
  }
  return delta;
}

/** Redis round trips and commands this process made while `work` ran. */
export async function countRedis(work: () => Promise<void>): Promise<RedisTally> {
  install();
  const before = snapshot();
  await work();
  const after = snapshot();
  return {
    roundTrips: after.roundTrips - before.roundTrips,
    commands: after.commands - before.commands,
    byCommand: difference(after.byCommand, before.byCommand),
    byConnection: difference(after.byConnection, before.byConnection),
  };
}

/** `evalsha/14keys 1.00, bzpopmin 2.00` per unit, for progress lines. */
export function describeTally(tally: RedisTally, per: number): string {
  const list = (counts: Readonly<Record<string, number>>) =>
    Object.entries(counts)
      .sort(([, left], [, right]) => right - left)
      .map(([name, count]) => `${name} ${(count / per).toFixed(2)}`)
      .join(', ');
  return `${list(tally.byCommand)} (round trips by connection: ${list(tally.byConnection)})`;
}
