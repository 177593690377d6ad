import type { Redis } from 'ioredis';
import { BatonError } from '../../errors/index.js';
import { withRedis } from '../breakers/redis-failure.js';
import type { BudgetDay } from './budget-day.js';
import type { RunSpend } from './budget-types.js';
import { toMicros } from './micro-dollars.js';

const RUN_TTL_SECONDS = 7 * 24 * 60 * 60;
/** Two days, so the ledger outlives its day in every time zone and late records still land. */
const DAY_TTL_SECONDS = 48 * 60 * 60;

/**
 * Adds only to ledgers that exist. A ledger lost to a flush or restart must be rebuilt from
 * the store by the next check; a plain INCRBY would recreate it holding just this amount, the
 * rebuild's SET NX would then lose to it, and the budget would forget everything spent before.
 * KEYS: run ledger, day ledger. ARGV: micro-dollars, then each ledger's TTL in seconds.
 */
const ADD_SCRIPT = `
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then
    redis.call('INCRBY', key, ARGV[1])
    redis.call('EXPIRE', key, ARGV[i + 1])
  end
end
return 0
`;

export interface LedgerOptions {
  readonly redis: Redis;
  readonly prefix: string;
  readonly loadRunSpend: (runId: string) => Promise<RunSpend>;
  readonly loadDaySpend: (dayStartIso: string) => Promise<number>;
}

export interface Spent {
  readonly runMicros: number;
  readonly dayMicros: number;
}

/** The run and day ledgers in Redis: micro-dollars spent, shared by every worker. */
export interface BudgetLedger {
  read(runId: string, day: BudgetDay): Promise<Spent>;
  add(runId: string, day: BudgetDay, micros: number): Promise<void>;
}

export function createBudgetLedger(options: LedgerOptions): BudgetLedger {
  const keysOf = (runId: string, day: BudgetDay) => ({
    run: `${options.prefix}budget:run:${runId}`,
    day: `${options.prefix}budget:day:${day.date}`,
  });
  return {
    async read(runId, day) {
      const keys = keysOf(runId, day);
      // The common case is this one MGET: a check before every model call must stay cheap.
      const [run, today] = await withRedis('reading the budget ledgers', () => options.redis.mget(keys.run, keys.day));
      if (run != null && today != null) return { runMicros: parseMicros(run), dayMicros: parseMicros(today) };
      return initialise(options, keys, { runId, day, runMissing: run == null, dayMissing: today == null });
    },
    async add(runId, day, micros) {
      const keys = keysOf(runId, day);
      await withRedis('recording spend in the budget ledgers', () =>
        options.redis.eval(ADD_SCRIPT, 2, keys.run, keys.day, micros, RUN_TTL_SECONDS, DAY_TTL_SECONDS),
      );
    },
  };
}

interface Missing {
  readonly runId: string;
  readonly day: BudgetDay;
  readonly runMissing: boolean;
  readonly dayMissing: boolean;
}

/**
 * A ledger is missing (first check of a run or a day, or Redis lost it): the store is the
 * authority, so load from it and SET NX. When two workers race, one SET wins and both read
 * the winner's value back in the same pipeline, so nothing is counted twice.
 */
async function initialise(options: LedgerOptions, keys: { run: string; day: string }, missing: Missing): Promise<Spent> {
  const [runSpend, daySpend] = await Promise.all([
    missing.runMissing ? options.loadRunSpend(missing.runId).then((spend) => loadedMicros(spend.costUsd, 'loadRunSpend')) : undefined,
    missing.dayMissing ? options.loadDaySpend(missing.day.startIso).then((usd) => loadedMicros(usd, 'loadDaySpend')) : undefined,
  ]);
  return withRedis('initialising the budget ledgers', async () => {
    const pipeline = options.redis.pipeline();
    if (runSpend !== undefined) pipeline.set(keys.run, runSpend, 'EX', RUN_TTL_SECONDS, 'NX');
    if (daySpend !== undefined) pipeline.set(keys.day, daySpend, 'EX', DAY_TTL_SECONDS, 'NX');
    pipeline.mget(keys.run, keys.day);
    const replies = (await pipeline.exec()) ?? [];
    const [error, values] = replies.at(-1) ?? [new Error('the pipeline returned no replies'), null];
    if (error) throw error;
    const [run, day] = values as (string | null)[];
    return { runMicros: parseMicros(run ?? '0'), dayMicros: parseMicros(day ?? '0') };
  });
}

function loadedMicros(usd: number, loader: string): number {
  if (Number.isFinite(usd) && usd >= 0) return toMicros(usd);
  throw new BatonError('internal', `Budget ${loader} returned ${String(usd)}, not a dollar amount of 0 or more.`);
}

function parseMicros(value: string): number {
  const micros = Number(value);
  if (Number.isSafeInteger(micros)) return micros;
  throw new BatonError('store_failed', `A budget ledger in Redis holds ${JSON.stringify(value)}, not whole micro-dollars.`);
}
