import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { SalesforceConnectionOptions } from '../crm/salesforce/index.js';
import { BatonError } from './errors/index.js';

/**
 * The one place that reads the environment. Every variable is declared here with the hint a
 * user needs to fix it; `loadConfig` reports every problem at once and returns a frozen value.
 */

/** The folder holding package.json, whether this file runs from src/ (tsx) or dist/src/ (built). */
function findPackageRoot(start: string): string {
  let folder = start;
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) return start;
    folder = parent;
  }
  return folder;
}

const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

export const MODEL_TIERS = ['fast', 'balanced', 'deep'] as const;
export type ModelTier = (typeof MODEL_TIERS)[number];

export const ModelPriceSchema = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cacheWrite: z.number().nonnegative(),
  cacheRead: z.number().nonnegative(),
  /** US dollars per server-side web search; $0.01 when left out. */
  webSearch: z.number().nonnegative().optional(),
});
/** US dollars per million tokens (and per web search). */
export type ModelPrice = z.infer<typeof ModelPriceSchema>;

/** List prices per million tokens; override with BATON_MODEL_PRICES when they change. */
export const DEFAULT_MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'claude-haiku-5-5': { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
  'claude-sonnet-5-5': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-opus-5-5': { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const jsonText = z.string().transform((text, context) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    context.addIssue({ code: 'custom', message: 'is not valid JSON' });
    return z.NEVER;
  }
});

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const url = (protocols: readonly string[]) =>
  z.url().refine((value) => protocols.some((protocol) => value.startsWith(`${protocol}:`)), {
    message: `must start with ${protocols.map((protocol) => `${protocol}://`).join(' or ')}`,
  });

interface VariableSpec {
  readonly schema: z.ZodType;
  readonly hint: string;
  readonly secret?: boolean;
}

/** Every environment variable Baton reads, with how to fix it. The README's table mirrors this. */
export const ENVIRONMENT_VARIABLES = {
  BATON_LOG_LEVEL: {
    schema: z.enum(LOG_LEVELS).optional(),
    hint: `one of ${LOG_LEVELS.join(', ')}; unset, servers log at info and CLI commands at warn`,
  },
  BATON_DATA_DIR: { schema: z.string().min(1).default('./.baton/data'), hint: 'a folder path for the embedded database' },
  DATABASE_URL: {
    schema: url(['postgres', 'postgresql']).optional(),
    hint: 'a PostgreSQL URL such as postgres://user@127.0.0.1:5432/baton; unset to use the embedded database',
    secret: true,
  },
  REDIS_URL: {
    schema: url(['redis', 'rediss']).default('redis://127.0.0.1:6379'),
    hint: 'a Redis URL such as redis://127.0.0.1:6379',
  },
  BATON_QUEUE_PREFIX: {
    schema: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, "_", "." or "-"').default('baton'),
    hint: 'a key prefix for every queue in Redis (default baton); give each deployment sharing one Redis its own',
  },
  ANTHROPIC_API_KEY: { schema: z.string().min(1).optional(), hint: 'an Anthropic API key (sk-ant-…)', secret: true },
  ANTHROPIC_BASE_URL: { schema: url(['http', 'https']).optional(), hint: 'an http(s) URL of the Messages API or a gateway' },
  BATON_MODEL: {
    schema: z.enum(['anthropic', 'offline']).optional(),
    hint: '"anthropic" (needs ANTHROPIC_API_KEY) or "offline" (the deterministic simulator); unset chooses by key',
  },
  BATON_MODEL_FAST: { schema: z.string().min(1).default('claude-haiku-5-5'), hint: 'a model name for routing and classification' },
  BATON_MODEL_BALANCED: { schema: z.string().min(1).default('claude-sonnet-5-5'), hint: 'a model name for extraction and QA' },
  BATON_MODEL_DEEP: { schema: z.string().min(1).default('claude-opus-5-5'), hint: 'a model name for writing and synthesis' },
  BATON_MODEL_PRICES: {
    schema: jsonText.pipe(z.record(z.string(), ModelPriceSchema)).optional(),
    hint: 'JSON such as {"claude-haiku-5-5":{"input":1,"output":5,"cacheWrite":1.25,"cacheRead":0.1,"webSearch":0.01}} (USD per million tokens; webSearch in USD per search)',
  },
  BATON_MODEL_TIMEOUT_MS: { schema: wholeNumber(1_000, 600_000).default(120_000), hint: 'the longest any model call may take, in milliseconds, 1000 to 600000 (agents and steps may set shorter limits)' },
  BATON_MODEL_MAX_ATTEMPTS: { schema: wholeNumber(1, 3).default(3), hint: 'attempts per model call on 429/5xx, 1 to 3' },
  BATON_CONFIG: {
    schema: z.string().min(1).optional(),
    hint: 'the path of a JSON config file (budgets, breakers, review policies, triggers, schedules); defaults to ./baton.config.json when it exists',
  },
  BATON_HTTP_HOST: {
    schema: z.string().min(1).default('127.0.0.1'),
    hint: 'the address `baton serve` listens on for HTTP (MCP, Slack, metrics, the run inspector); 0.0.0.0 in a container',
  },
  BATON_HTTP_PORT: { schema: wholeNumber(0, 65_535).default(8787), hint: 'the HTTP port of `baton serve`, 0 to 65535 (0 picks a free one)' },
  BATON_PROMPTS_DIR: { schema: z.string().min(1).optional(), hint: 'a folder of prompt files; defaults to the packaged prompts/' },
  BATON_SHUTDOWN_DEADLINE_MS: {
    schema: wholeNumber(0, 3_600_000).default(25_000),
    hint: 'milliseconds a stopping `baton serve` or `baton worker` lets in-flight steps finish before handing them back to the queue, 0 to 3600000 (default 25000, under a container runtime\'s 30 s grace period)',
  },
  BATON_OTLP_ENDPOINT: {
    schema: url(['http', 'https']).optional(),
    hint: 'an OpenTelemetry collector\'s OTLP/HTTP base URL such as http://127.0.0.1:4318 (spans go to /v1/traces); unset, no span leaves the process',
  },
  BATON_MCP_TOKEN: {
    schema: z.string().min(16, 'must be at least 16 characters').optional(),
    hint: 'a bearer token of at least 16 characters for MCP over HTTP at /mcp (callers act as BATON_MCP_REVIEWER); unset, /mcp answers only tokens from BATON_MCP_TOKENS',
    secret: true,
  },
  BATON_MCP_TOKENS: {
    schema: jsonText.pipe(z.record(z.string().min(1), z.union([z.string().min(16), z.object({ token: z.string().min(16), groups: z.array(z.string().min(1)).default([]) })]))).optional(),
    hint: 'JSON mapping each MCP reviewer id to its own bearer token (16+ characters), such as {"alice@acme.com":"<token>","bob@acme.com":{"token":"<token>","groups":["revops"]}}',
    secret: true,
  },
  BATON_MCP_REVIEWER: {
    schema: z.string().min(1).default('mcp'),
    hint: 'the reviewer id recorded for decisions taken over MCP on stdio or with BATON_MCP_TOKEN (default mcp)',
  },
  BATON_MCP_REVIEWER_GROUPS: {
    schema: z.string().regex(/^[^,\s]+(,[^,\s]+)*$/, 'must be group names separated by commas').optional(),
    hint: 'comma-separated reviewer groups of BATON_MCP_REVIEWER, such as revops,sales-leads',
  },
  BATON_MCP_ALLOWED_ORIGINS: {
    schema: z.string().regex(/^https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*$/, 'must be http(s) origins separated by commas').optional(),
    hint: 'comma-separated browser origins allowed to call /mcp, such as https://console.acme.com; unset, requests carrying an Origin header are refused',
  },
  BATON_MCP_ALLOWED_HOSTS: {
    schema: z.string().regex(/^[^,\s]+(,[^,\s]+)*$/, 'must be host names (with an optional :port) separated by commas').optional(),
    hint: 'comma-separated Host header values /mcp answers, such as baton.acme.internal,baton.acme.internal:8787; unset, only localhost, 127.0.0.1 and [::1]; * for any',
  },
  BATON_MCP_CALL_BOUND_MS: {
    schema: wholeNumber(1_000, 55_000).default(25_000),
    hint: 'the longest an MCP tool call blocks before returning a run handle, 1000 to 55000 milliseconds (clients give up at 60000)',
  },
  SALESFORCE_INSTANCE_URL: {
    schema: url(['https', 'http']).optional(),
    hint: "the org's instance URL, such as https://acme.my.salesforce.com, with SALESFORCE_ACCESS_TOKEN",
  },
  SALESFORCE_ACCESS_TOKEN: { schema: z.string().min(1).optional(), hint: 'a session id or OAuth access token for SALESFORCE_INSTANCE_URL', secret: true },
  SALESFORCE_LOGIN_URL: {
    schema: url(['https', 'http']).optional(),
    hint: 'https://login.salesforce.com (the default for a username login), https://test.salesforce.com for a sandbox, or the My Domain URL (required for client credentials)',
  },
  SALESFORCE_USERNAME: { schema: z.string().min(1).optional(), hint: "the integration user's username, such as baton@acme.com" },
  SALESFORCE_PASSWORD: {
    schema: z.string().min(1).optional(),
    hint: "the integration user's password, with its security token appended unless the org trusts Baton's IP range",
    secret: true,
  },
  SALESFORCE_CLIENT_ID: { schema: z.string().min(1).optional(), hint: "the connected app's consumer key" },
  SALESFORCE_CLIENT_SECRET: { schema: z.string().min(1).optional(), hint: "the connected app's consumer secret", secret: true },
  SALESFORCE_API_VERSION: {
    schema: z.string().regex(/^\d{2,3}\.0$/, 'must be a REST API version such as 62.0').default('62.0'),
    hint: 'a Salesforce REST API version such as 62.0 (the default)',
  },
  SLACK_BOT_TOKEN: { schema: z.string().regex(/^xoxb-/, 'must start with xoxb-').optional(), hint: "the Slack app's bot token (xoxb-…); unset, Baton runs without Slack", secret: true },
  SLACK_SIGNING_SECRET: { schema: z.string().min(1).optional(), hint: "the Slack app's signing secret (Basic Information → App Credentials), for HTTP mode", secret: true },
  SLACK_APP_TOKEN: { schema: z.string().regex(/^xapp-/, 'must start with xapp-').optional(), hint: 'an app-level token (xapp-…) with connections:write, for Socket Mode', secret: true },
  SLACK_MODE: { schema: z.enum(['http', 'socket']).optional(), hint: '"http" (Slack calls /slack/events on baton serve) or "socket" (Baton connects out); unset, socket when SLACK_APP_TOKEN is set' },
  SLACK_APPROVALS_CHANNEL: { schema: z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'must be a channel id such as C0123ABCD').optional(), hint: 'the channel id (C…) where approval cards are posted' },
  SLACK_ALERTS_CHANNEL: { schema: z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'must be a channel id such as C0123ABCD').optional(), hint: 'the channel id (C…) for alerts, dead letters and the daily digest; defaults to SLACK_APPROVALS_CHANNEL' },
  SLACK_API_URL: { schema: url(['http', 'https']).default('https://slack.com/api/'), hint: 'the Slack Web API base URL, ending in /api/ (for a proxy or a test server)' },
  SLACK_DIGEST_CRON: { schema: z.string().min(9).default('0 9 * * *'), hint: 'a five-field cron expression for the daily digest, such as 0 9 * * *' },
  SLACK_DIGEST_TIME_ZONE: { schema: z.string().min(1).default('UTC'), hint: 'an IANA time zone for the digest, such as America/New_York' },
  SLACK_REMINDER_MINUTES: { schema: wholeNumber(1, 10_080).default(60), hint: 'minutes before an approval expires when its thread gets a reminder, 1 to 10080' },
} as const satisfies Record<string, VariableSpec>;

type Variables = typeof ENVIRONMENT_VARIABLES;
type Parsed = { [K in keyof Variables]: z.output<Variables[K]['schema']> };

function parseVariables(env: Readonly<Record<string, string | undefined>>): Parsed {
  const problems: string[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(ENVIRONMENT_VARIABLES) as [keyof Variables, VariableSpec][]) {
    const raw = env[name];
    const result = spec.schema.safeParse(raw === '' ? undefined : raw);
    if (result.success) {
      parsed[name] = result.data;
      continue;
    }
    const reasons = result.error.issues.map((issue) => issue.message).join(', ');
    const shown = spec.secret === true ? '(hidden)' : JSON.stringify(raw);
    problems.push(`${name}=${shown}: ${reasons}. Set it to ${spec.hint}.`);
  }
  if (problems.length > 0) {
    throw new BatonError('config_invalid', `Invalid configuration:\n  - ${problems.join('\n  - ')}`, {
      details: { problems },
    });
  }
  return parsed as Parsed;
}

export interface ModelConfig {
  readonly mode: 'anthropic' | 'offline';
  readonly apiKey: string | undefined;
  readonly baseUrl: string | undefined;
  readonly tiers: Readonly<Record<ModelTier, string>>;
  readonly prices: Readonly<Record<string, ModelPrice>>;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
}

export type LogLevel = (typeof LOG_LEVELS)[number];

/** Which CRM Baton writes to: the embedded one in its own database, or a Salesforce org. */
export type CrmConfig = { readonly kind: 'embedded' } | { readonly kind: 'salesforce'; readonly connection: SalesforceConnectionOptions };

export interface Config {
  /** Undefined when not set, so each process chooses its own default (servers info, CLI warn). */
  readonly logLevel: LogLevel | undefined;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string;
  /** BullMQ's key prefix: deployments sharing one Redis keep apart by it. */
  readonly queuePrefix: string;
  readonly promptsDir: string;
  /** The JSON config file for policies, triggers and schedules; read by `loadSettings`. */
  readonly configFile: { readonly path: string; readonly explicit: boolean };
  readonly model: ModelConfig;
  readonly crm: CrmConfig;
  /** Where `baton serve` listens for HTTP. */
  readonly http: { readonly host: string; readonly port: number };
  /** How long a stopping process lets in-flight steps finish before handing them back to the queue. */
  readonly shutdownDeadlineMs: number;
  /** Where spans go (OTLP over HTTP); undefined means tracing export is off. */
  readonly tracing: { readonly otlpEndpoint: string | undefined };
  readonly mcp: McpConfig;
  /** The Slack app; undefined when SLACK_BOT_TOKEN is not set. */
  readonly slack: SlackConfig | undefined;
}

/** The Slack app's credentials, mode and channels. */
export interface SlackConfig {
  readonly mode: 'http' | 'socket';
  readonly botToken: string;
  /** Required in HTTP mode: every request is verified with it. */
  readonly signingSecret: string | undefined;
  /** Required in Socket Mode. */
  readonly appToken: string | undefined;
  readonly approvalsChannel: string;
  readonly alertsChannel: string;
  readonly apiUrl: string;
  readonly digest: { readonly cron: string; readonly timeZone: string };
  readonly reminderMinutes: number;
}

/** Slack is optional; once a bot token is set, the mode's credentials and a channel are required, all reported at once. */
function chooseSlack(variables: Parsed): SlackConfig | undefined {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken, SLACK_APPROVALS_CHANNEL: approvalsChannel } = variables;
  if (botToken === undefined) return undefined;
  const mode = variables.SLACK_MODE ?? (appToken === undefined ? 'http' : 'socket');
  const problems = [
    ...(mode === 'http' && signingSecret === undefined ? ["SLACK_SIGNING_SECRET is required in HTTP mode: copy it from the app's Basic Information page (or set SLACK_MODE=socket with SLACK_APP_TOKEN)."] : []),
    ...(mode === 'socket' && appToken === undefined ? ['SLACK_APP_TOKEN is required in Socket Mode: create an app-level token with connections:write (or set SLACK_MODE=http with SLACK_SIGNING_SECRET).'] : []),
    ...(approvalsChannel === undefined ? ['SLACK_APPROVALS_CHANNEL is required with SLACK_BOT_TOKEN: set it to the channel id (C…) where approval cards go, and invite the app there.'] : []),
  ];
  if (problems.length > 0 || approvalsChannel === undefined) throw new BatonError('config_invalid', `Invalid configuration:\n  - ${problems.join('\n  - ')}`, { details: { problems } });
  return {
    mode,
    botToken,
    signingSecret,
    appToken,
    approvalsChannel,
    alertsChannel: variables.SLACK_ALERTS_CHANNEL ?? approvalsChannel,
    apiUrl: variables.SLACK_API_URL.endsWith('/') ? variables.SLACK_API_URL : `${variables.SLACK_API_URL}/`,
    digest: { cron: variables.SLACK_DIGEST_CRON, timeZone: variables.SLACK_DIGEST_TIME_ZONE },
    reminderMinutes: variables.SLACK_REMINDER_MINUTES,
  };
}

/** Who an MCP caller is: the reviewer id and groups the engine's review policies check. */
export interface McpIdentity {
  readonly id: string;
  readonly groups: readonly string[];
}

export interface McpConfig {
  /** Bearer tokens accepted at /mcp, each with the identity its caller acts as. Empty: /mcp refuses every call. */
  readonly tokens: readonly { readonly token: string; readonly identity: McpIdentity }[];
  /** The identity of the stdio caller (`baton mcp`) and of BATON_MCP_TOKEN. */
  readonly identity: McpIdentity;
  /** Browser origins allowed at /mcp; a request with any other Origin is refused (DNS rebinding). */
  readonly allowedOrigins: readonly string[];
  /** Host header values allowed at /mcp; `['*']` allows any. */
  readonly allowedHosts: readonly string[];
  /** The longest a tool call blocks before it returns a run handle. */
  readonly callBoundMs: number;
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

function mcpConfig(variables: Parsed): McpConfig {
  const split = (value: string | undefined) => (value === undefined ? [] : value.split(','));
  const identity = { id: variables.BATON_MCP_REVIEWER, groups: split(variables.BATON_MCP_REVIEWER_GROUPS) };
  const named = Object.entries(variables.BATON_MCP_TOKENS ?? {}).map(([id, entry]) =>
    typeof entry === 'string' ? { token: entry, identity: { id, groups: [] } } : { token: entry.token, identity: { id, groups: entry.groups } },
  );
  const shared = variables.BATON_MCP_TOKEN === undefined ? [] : [{ token: variables.BATON_MCP_TOKEN, identity }];
  return {
    tokens: [...shared, ...named],
    identity,
    allowedOrigins: split(variables.BATON_MCP_ALLOWED_ORIGINS),
    allowedHosts: variables.BATON_MCP_ALLOWED_HOSTS === undefined ? LOOPBACK_HOSTS : split(variables.BATON_MCP_ALLOWED_HOSTS),
    callBoundMs: variables.BATON_MCP_CALL_BOUND_MS,
  };
}

function chooseModelMode(variables: Parsed): 'anthropic' | 'offline' {
  if (variables.BATON_MODEL === 'anthropic' && variables.ANTHROPIC_API_KEY === undefined) {
    throw new BatonError(
      'config_invalid',
      'Invalid configuration:\n  - BATON_MODEL=anthropic needs ANTHROPIC_API_KEY. Set the key, or set BATON_MODEL=offline to use the simulator.',
    );
  }
  return variables.BATON_MODEL ?? (variables.ANTHROPIC_API_KEY === undefined ? 'offline' : 'anthropic');
}

const ACCESS_TOKEN_SET = ['SALESFORCE_INSTANCE_URL', 'SALESFORCE_ACCESS_TOKEN'] as const;
const PASSWORD_SET = ['SALESFORCE_USERNAME', 'SALESFORCE_PASSWORD', 'SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET'] as const;
const CLIENT_CREDENTIALS_SET = ['SALESFORCE_LOGIN_URL', 'SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET'] as const;
const CREDENTIAL_SETS = [
  'SALESFORCE_INSTANCE_URL + SALESFORCE_ACCESS_TOKEN',
  'SALESFORCE_USERNAME + SALESFORCE_PASSWORD + SALESFORCE_CLIENT_ID + SALESFORCE_CLIENT_SECRET (and SALESFORCE_LOGIN_URL for a sandbox or My Domain)',
  'SALESFORCE_LOGIN_URL + SALESFORCE_CLIENT_ID + SALESFORCE_CLIENT_SECRET (client credentials)',
].join('; or ');

type SalesforceVariable = (typeof ACCESS_TOKEN_SET)[number] | (typeof PASSWORD_SET)[number] | (typeof CLIENT_CREDENTIALS_SET)[number];

function crmProblem(message: string): BatonError {
  return new BatonError('config_invalid', `Invalid configuration:\n  - ${message} Set one complete set: ${CREDENTIAL_SETS}; or none for the embedded CRM.`);
}

/** The embedded CRM unless one complete set of Salesforce credentials is set; a partial or mixed set is refused. */
function chooseCrm(variables: Parsed): CrmConfig {
  const isSet = (name: SalesforceVariable) => variables[name] !== undefined;
  const apiVersion = variables.SALESFORCE_API_VERSION;
  const usesToken = ACCESS_TOKEN_SET.some(isSet);
  const usesLogin = [...PASSWORD_SET, ...CLIENT_CREDENTIALS_SET].some(isSet);
  if (!usesToken && !usesLogin) return { kind: 'embedded' };
  if (usesToken && usesLogin) {
    const login = [...new Set([...PASSWORD_SET, ...CLIENT_CREDENTIALS_SET])].filter(isSet);
    throw crmProblem(`SALESFORCE_INSTANCE_URL/SALESFORCE_ACCESS_TOKEN cannot be combined with ${login.join(', ')}: unset one or the other.`);
  }
  const wanted = usesToken ? ACCESS_TOKEN_SET : isSet('SALESFORCE_USERNAME') || isSet('SALESFORCE_PASSWORD') ? PASSWORD_SET : CLIENT_CREDENTIALS_SET;
  const missing = wanted.filter((name) => !isSet(name));
  if (missing.length > 0) throw crmProblem(`Salesforce credentials are incomplete: ${wanted.filter(isSet).join(', ')} set but ${missing.join(', ')} missing.`);
  const { SALESFORCE_INSTANCE_URL: instanceUrl, SALESFORCE_ACCESS_TOKEN: accessToken, SALESFORCE_CLIENT_ID: clientId, SALESFORCE_CLIENT_SECRET: clientSecret } = variables;
  const { SALESFORCE_USERNAME: username, SALESFORCE_PASSWORD: password, SALESFORCE_LOGIN_URL: loginUrl } = variables;
  if (instanceUrl !== undefined && accessToken !== undefined) return { kind: 'salesforce', connection: { instanceUrl, accessToken, apiVersion } };
  if (clientId === undefined || clientSecret === undefined) throw crmProblem('Salesforce credentials are incomplete.');
  if (username !== undefined && password !== undefined) {
    return { kind: 'salesforce', connection: { loginUrl: loginUrl ?? 'https://login.salesforce.com', username, password, clientId, clientSecret, apiVersion } };
  }
  if (loginUrl === undefined) throw crmProblem('Salesforce credentials are incomplete.');
  return { kind: 'salesforce', connection: { loginUrl, clientId, clientSecret, apiVersion } };
}

export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const variables = parseVariables(env);
  const config: Config = {
    logLevel: variables.BATON_LOG_LEVEL,
    dataDir: path.resolve(variables.BATON_DATA_DIR),
    databaseUrl: variables.DATABASE_URL,
    redisUrl: variables.REDIS_URL,
    queuePrefix: variables.BATON_QUEUE_PREFIX,
    promptsDir: path.resolve(variables.BATON_PROMPTS_DIR ?? path.join(PACKAGE_ROOT, 'prompts')),
    configFile: { path: path.resolve(variables.BATON_CONFIG ?? 'baton.config.json'), explicit: variables.BATON_CONFIG !== undefined },
    model: {
      mode: chooseModelMode(variables),
      apiKey: variables.ANTHROPIC_API_KEY,
      baseUrl: variables.ANTHROPIC_BASE_URL,
      tiers: { fast: variables.BATON_MODEL_FAST, balanced: variables.BATON_MODEL_BALANCED, deep: variables.BATON_MODEL_DEEP },
      prices: { ...DEFAULT_MODEL_PRICES, ...variables.BATON_MODEL_PRICES },
      timeoutMs: variables.BATON_MODEL_TIMEOUT_MS,
      maxAttempts: variables.BATON_MODEL_MAX_ATTEMPTS,
    },
    crm: chooseCrm(variables),
    http: { host: variables.BATON_HTTP_HOST, port: variables.BATON_HTTP_PORT },
    slack: chooseSlack(variables),
    shutdownDeadlineMs: variables.BATON_SHUTDOWN_DEADLINE_MS,
    tracing: { otlpEndpoint: variables.BATON_OTLP_ENDPOINT },
    mcp: mcpConfig(variables),
  };
  return deepFreeze(config);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
