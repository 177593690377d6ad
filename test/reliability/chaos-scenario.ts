import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadBuiltInAgents } from '../../agents/index.js';
import { loadConfig } from '../../src/config.js';
import { createBaton } from '../../src/main/create-baton.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { createChaosProcesses } from './chaos-processes.js';
import { BOOKING, KNOWLEDGE, planRuns, type PlannedRun } from './chaos-runs.js';
import { startDecider } from './decider.js';
import { startDedicatedPostgres } from './dedicated-postgres.js';
import { startDedicatedRedis } from './dedicated-redis.js';
import { startFaultyModel } from './faulty-model.js';
import { seededRandom } from './seeded-random.js';
import { auditSideEffects, type SideEffectAudit } from './side-effect-audit.js';
import { startRunsWithRetry, waitForSettled } from './run-driving.js';

export interface ChaosOptions {
  readonly runs: number;
  /** How long faults are injected; the runs then get `settleMs` to finish. */
  readonly faultWindowMs: number;
  readonly settleMs: number;
  readonly workerKills: number;
  readonly redisRestarts: number;
  readonly postgresRestarts: number;
  readonly slackFaults: number;
  readonly seed?: number;
}

export interface ChaosOutcome {
  readonly seed: number;
  readonly faults: Readonly<Record<string, number>>;
  readonly runsStarted: number;
  /** Runs that ended as their input says they must, with outputs that match it. */
  readonly runsAsExpected: number;
  readonly problems: string[];
  readonly audit: SideEffectAudit;
  readonly decided: number;
  readonly decidedTwice: string[];
  readonly conflictsRefused: number;
  readonly crashes: string[];
  readonly secretsInLogs: string[];
}

export const REVIEWER = 'UCHAOSREVIEWER';
const API_KEY = 'sk-ant-chaos-9d1f2e3c4b5a69788796a5b4c3d2e1f0';
const BOT_TOKEN = 'xoxb-chaos-4471-bot-token-secret';
const SIGNING_SECRET = 'chaos-signing-secret-61be0c';
const POLICY = { risk: 'high', reviewers: { users: [REVIEWER], groups: [] }, expiresInMinutes: 1_440, onExpiry: 'escalate', escalateTo: { users: [REVIEWER], groups: [] } };

/**
 * Baton as deployed (a `baton serve` with its Slack app and two `baton worker` processes, on a
 * Redis and a PostgreSQL of the suite's own) works a mix of runs while workers are SIGKILLed,
 * Redis and PostgreSQL are restarted, and the model and Slack answer 429, 5xx or slowly. Then
 * every run must end as its input says, nothing may have happened twice and no decision may be
 * lost. After each Redis restart, and once when the faults stop, one worker is restarted: the
 * reconcile at its start is what re-enqueues steps whose jobs Redis lost.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosOutcome> {
  const random = seededRandom(options.seed ?? Date.now() % 1_000_000);
  const redis = await startDedicatedRedis();
  const postgres = await startDedicatedPostgres();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'baton-chaos-'));
  const cleanups: (() => Promise<unknown>)[] = [() => redis.stop(), () => postgres.stop(), () => rm(folder, { recursive: true, force: true })];
  try {
    const settingsFile = path.join(folder, 'baton.config.json');
    await writeFile(settingsFile, JSON.stringify({
      queues: { lockDurationMs: 3_000, stalledIntervalMs: 1_000, concurrency: 4 },
      breakers: { failureThreshold: 5, cooldownMs: 2_000 },
      defaultReviewPolicy: POLICY,
      reviewPolicies: Object.fromEntries(['send_sequence', 'crm_write', 'review_classification', 'review_low_confidence', 'review_escalation'].map((action) => [action, POLICY])),
      workflowDefaults: { handle_reply: { booking: BOOKING, knowledge: KNOWLEDGE } },
    }));
    const agents = await loadBuiltInAgents(loadConfig({}).promptsDir);
    const model = await startFaultyModel(agents, random, API_KEY);
    cleanups.unshift(() => model.close());
    const slack = await FakeSlackApi.start({ botToken: BOT_TOKEN });
    cleanups.unshift(() => slack.close());
    const env = {
      DATABASE_URL: await postgres.createDatabase('baton_chaos'),
      REDIS_URL: redis.url,
      BATON_QUEUE_PREFIX: 'chaos',
      BATON_CONFIG: settingsFile,
      BATON_MODEL: 'anthropic',
      ANTHROPIC_API_KEY: API_KEY,
      ANTHROPIC_BASE_URL: model.fake.url,
      BATON_SHUTDOWN_DEADLINE_MS: '1000',
    };
    const serveEnv = { BATON_HTTP_PORT: '0', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_APPROVALS_CHANNEL: 'CCHAOSAPPROVALS', SLACK_API_URL: slack.apiUrl };
    const client = await createBaton({ env: { ...env, BATON_LOG_LEVEL: 'silent' }, queuePrefix: 'chaos' });
    cleanups.unshift(() => client.close());
    const crm = await client.crm();
    await crm.seed();
    const { engine } = await client.engine();
    const processes = createChaosProcesses(env, serveEnv);
    cleanups.unshift(() => processes.stopAll());
    await Promise.all([processes.start({ serve: true }), processes.start(), processes.start()]);

    const plan = await planRuns(crm, options.runs);
    const half = Math.ceil(plan.length / 2);
    const started = await startRunsWithRetry(engine, plan.slice(0, half));
    const decider = startDecider(engine, REVIEWER);
    const faults = { workerKills: 0, redisRestarts: 0, postgresRestarts: 0, slackFaults: 0 };
    const actions = random.shuffle([
      ...Array.from({ length: options.workerKills }, () => async () => { await processes.killAndReplace((count) => random.between(0, count - 1)); faults.workerKills += 1; }),
      ...Array.from({ length: options.redisRestarts }, () => async () => { await redis.restart(); faults.redisRestarts += 1; await processes.killAndReplace((count) => random.between(0, count - 1)); faults.workerKills += 1; }),
      ...Array.from({ length: options.postgresRestarts }, () => async () => { await postgres.restart(); faults.postgresRestarts += 1; }),
      ...Array.from({ length: options.slackFaults }, () => () => { slack.failNext('chat.postMessage', random.next() < 0.5 ? { status: 429, retryAfterSeconds: 1 } : { status: 503 }); slack.failNext('chat.update', { status: 429, retryAfterSeconds: 1 }); faults.slackFaults += 2; return Promise.resolve(); }),
    ]);
    const gap = options.faultWindowMs / (actions.length + 1);
    for (const [index, action] of actions.entries()) {
      await new Promise((resolve) => setTimeout(resolve, gap));
      await action();
      if (index === Math.floor(actions.length / 2)) started.push(...(await startRunsWithRetry(engine, plan.slice(half))));
    }
    if (started.length < plan.length) started.push(...(await startRunsWithRetry(engine, plan.slice(started.length))));
    // The incident is over: one rolling restart reconciles whatever Redis lost.
    await processes.killAndReplace(() => 0);
    faults.workerKills += 1;
    const settled = await waitForSettled(engine, started, options.settleMs);
    await decider.stop();
    const problems = checkRuns(plan, settled);
    const deadLetterProblems = await checkDeadLetters(engine, plan, started);
    const store = await client.store();
    const audit = await auditSideEffects(store.sql, slack);
    const logs = processes.logs();
    return {
      seed: random.seed,
      faults: { ...faults, modelFaults: model.faults() },
      runsStarted: started.length,
      runsAsExpected: plan.length - new Set(problems.map((problem) => problem.split(':')[0])).size,
      problems: [...problems, ...deadLetterProblems],
      audit,
      decided: decider.decided(),
      decidedTwice: decider.decidedTwice(),
      conflictsRefused: decider.conflicts(),
      crashes: processes.crashes(),
      secretsInLogs: [API_KEY, BOT_TOKEN, SIGNING_SECRET].filter((secret) => logs.includes(secret)),
    };
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

function checkRuns(plan: readonly PlannedRun[], settled: ReadonlyMap<string, Awaited<ReturnType<typeof waitForSettled>> extends ReadonlyMap<string, infer Run> ? Run : never>): string[] {
  return plan.flatMap((planned) => {
    const run = settled.get(planned.key);
    if (run === undefined) return [`${planned.key}: never started`];
    if (run.status !== planned.expected) return [`${planned.key}: ${run.status}, expected ${planned.expected} (run ${run.id}: ${JSON.stringify(run.error)})`];
    return planned.check(run).map((problem) => `${planned.key}: ${problem}`);
  });
}

async function checkDeadLetters(engine: Awaited<ReturnType<Awaited<ReturnType<typeof createBaton>>['engine']>>['engine'], plan: readonly PlannedRun[], started: readonly { key: string; runId: string }[]): Promise<string[]> {
  const open = await engine.listDeadLetters({ status: 'open', limit: 500 });
  const runOf = new Map(started.map((entry) => [entry.runId, entry.key]));
  const problems: string[] = [];
  for (const planned of plan) {
    const runId = started.find((entry) => entry.key === planned.key)?.runId;
    const letters = open.filter((letter) => letter.runId === runId);
    if (letters.length !== planned.deadLetters) problems.push(`${planned.key}: ${letters.length} dead letters, expected ${planned.deadLetters} (${letters.map((letter) => letter.reason.code).join(', ')})`);
  }
  for (const letter of open) if (letter.runId === null || !runOf.has(letter.runId)) problems.push(`dead letter ${letter.id} (${letter.source}: ${letter.reason.message}) belongs to no planned run`);
  return problems;
}
