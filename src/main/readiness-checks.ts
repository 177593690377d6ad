import type { Redis } from 'ioredis';
import type { CircuitBreakers } from '../engine/breakers/index.js';
import type { SqlClient } from '../store/index.js';

export interface ReadinessResult {
  readonly ok: boolean;
  /** What an operator reads: latency, an error, how many breakers are open. */
  readonly detail: string;
}

/**
 * One dependency `/readyz` asks about. Checks are a list built here, so an interface (the Slack
 * app and its connection) adds its own without the route knowing it.
 */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<ReadinessResult>;
}

export function redisReadiness(redis: Redis): ReadinessCheck {
  return { name: 'redis', check: () => timed(async () => { await redis.ping(); }) };
}

export function postgresReadiness(sql: SqlClient): ReadinessCheck {
  return { name: 'postgres', check: () => timed(async () => { await sql.query('SELECT 1'); }) };
}

/**
 * Open breakers do not make the process unready: restarting it would not mend a third party,
 * and held work resumes by itself. The summary tells an operator where to look.
 */
export function breakerReadiness(breakers: Pick<CircuitBreakers, 'list'>): ReadinessCheck {
  return {
    name: 'breakers',
    check: async () => {
      const states = await breakers.list();
      const open = states.filter((state) => state.state !== 'closed').map((state) => `${state.name} ${state.state}`);
      return { ok: true, detail: open.length === 0 ? `${states.length} known, all closed` : `${open.length} of ${states.length} not closed: ${open.join(', ')}` };
    },
  };
}

async function timed(work: () => Promise<void>): Promise<ReadinessResult> {
  const started = performance.now();
  await work();
  return { ok: true, detail: `answered in ${(performance.now() - started).toFixed(1)} ms` };
}

/** What the Slack check needs of Bolt's WebClient. */
export interface SlackAuthClient {
  readonly auth: { test(): Promise<{ readonly ok?: boolean; readonly team?: string; readonly error?: string }> };
}

/** Slack allows auth.test about a hundred times a minute; a probe every few seconds must not spend that, so an answer is kept 30 s. */
const SLACK_CHECK_TTL_MS = 30_000;

/** The bot token still works and Slack's API answers: `auth.test`, remembered for 30 s. */
export function slackReadiness(client: SlackAuthClient, now: () => number = Date.now): ReadinessCheck {
  let last: { readonly at: number; readonly result: ReadinessResult } | undefined;
  return {
    name: 'slack',
    check: async () => {
      if (last !== undefined && now() - last.at < SLACK_CHECK_TTL_MS) return last.result;
      const started = performance.now();
      let result: ReadinessResult;
      try {
        const answer = await client.auth.test();
        result = answer.ok === false ? { ok: false, detail: `auth.test answered ${answer.error ?? 'not ok'}` } : { ok: true, detail: `workspace ${answer.team ?? '?'} answered in ${(performance.now() - started).toFixed(1)} ms` };
      } catch (error) {
        result = { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
      last = { at: now(), result };
      return result;
    },
  };
}
