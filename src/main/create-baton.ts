import type { DestinationStream } from 'pino';
import type { ResearchSource } from '../../agents/research-sources/research-source.js';
import { builtInWorkflows, createAgentCatalog, createAgentRunner, createPromptLibrary, loadBuiltInAgents, type AgentCatalog, type AgentRunner } from '../../agents/index.js';
import { loadConfig, type Config, type LogLevel } from '../config.js';
import { createAgentRuns, type AgentRuns } from '../engine/agent-runs.js';
import { createWorkflowCatalog, type WorkflowCatalog } from '../engine/workflow/workflow-catalog.js';
import { BatonError } from '../errors/index.js';
import { createLogger, type Logger } from '../logging/index.js';
import type { ModelClient } from '../model/model-types.js';
import { loadSettings, type Settings } from '../settings/index.js';
import { openStore, type Store } from '../store/index.js';
import { createModel } from './create-model.js';
import { buildCrm, type OpenedCrm } from './open-crm.js';
import { openEngine, type OpenedEngine } from './open-engine.js';
import { createSlackRecordOwners } from './slack-record-owners.js';
import { createStepEffects } from './step-effects.js';

export interface BatonOptions {
  /** Defaults to the process environment; tests pass their own. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly logDestination?: DestinationStream;
  /** Used when BATON_LOG_LEVEL is not set: servers want info, a CLI command only warnings. */
  readonly defaultLogLevel?: LogLevel;
  /** BullMQ's key prefix; tests pass their own. */
  readonly queuePrefix?: string;
  /** Data sources account research consults besides the CRM: a name and a fetch each. */
  readonly researchSources?: readonly ResearchSource[];
}

/** Everything a process needs, wired once. The store and Redis open on first use: listing agents needs neither. */
export interface Baton {
  readonly config: Config;
  readonly settings: Settings;
  readonly logger: Logger;
  readonly model: ModelClient;
  readonly agents: AgentCatalog;
  readonly workflows: WorkflowCatalog;
  readonly runner: AgentRunner;
  store(): Promise<Store>;
  agentRuns(): Promise<AgentRuns>;
  engine(): Promise<OpenedEngine>;
  /** The CRM (embedded, or Salesforce when configured) and its governed change sets. */
  crm(): Promise<OpenedCrm>;
  close(): Promise<void>;
}

export async function createBaton(options: BatonOptions = {}): Promise<Baton> {
  const config = loadConfig(options.env);
  const simulated = config.model.mode === 'offline';
  const logger = createLogger({
    level: config.logLevel ?? options.defaultLogLevel ?? 'info',
    ...(simulated ? { base: { simulated: true } } : {}),
    ...(options.logDestination === undefined ? {} : { destination: options.logDestination }),
    secrets: [config.model.apiKey, config.databaseUrl, ...crmSecrets(config), config.slack?.botToken, config.slack?.signingSecret, config.slack?.appToken, ...config.mcp.tokens.map((entry) => entry.token)].filter((secret): secret is string => secret !== undefined),
  });
  if (simulated) logger.info('offline mode: answers come from the deterministic simulator, not a real model (set ANTHROPIC_API_KEY for real answers)');
  const settings = await loadSettings(config);
  const model = createModel(config, logger);
  const agents = createAgentCatalog(await loadBuiltInAgents(config.promptsDir));
  const workflows = createWorkflowCatalog(builtInWorkflows(agents));
  assertSettingsNameWorkflows(settings, workflows);
  const runner = createAgentRunner({ model, prompts: createPromptLibrary(config.promptsDir), logger });
  let opened: Promise<Store> | undefined;
  let engine: Promise<OpenedEngine> | undefined;
  let crm: Promise<OpenedCrm> | undefined;
  const store = () => (opened ??= openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger }));
  const openedCrm = () => (crm ??= store().then((ready) => buildCrm({ config, settings, store: ready, logger })));
  return {
    config,
    settings,
    logger,
    model,
    agents,
    workflows,
    runner,
    store,
    agentRuns: async () => createAgentRuns({ sql: (await store()).sql, runner, logger }),
    crm: openedCrm,
    engine: () =>
      (engine ??= Promise.all([store(), openedCrm()]).then(([ready, crm]) =>
        openEngine({
          config,
          settings,
          store: ready,
          workflows,
          runner,
          logger,
          prefix: options.queuePrefix ?? config.queuePrefix,
          effects: ({ events }) => createStepEffects({ crm, events, ...(options.researchSources === undefined ? {} : { researchSources: options.researchSources }) }),
          recordOwners: createSlackRecordOwners({ crm: crm.crm, users: settings.slack.users, logger }),
        }),
      )),
    close: async () => {
      if (engine !== undefined) await (await engine.catch(() => undefined))?.close();
      if (crm !== undefined) await (await crm.catch(() => undefined))?.crm.close();
      if (opened !== undefined) await (await opened.catch(() => undefined))?.close();
      logger.flush();
    },
  };
}

/** The Salesforce access token, password and client secret, whichever the configured credentials hold. */
function crmSecrets(config: Config): (string | undefined)[] {
  if (config.crm.kind !== 'salesforce') return [];
  const connection: Partial<Record<'accessToken' | 'password' | 'clientSecret', string>> = config.crm.connection;
  return [connection.accessToken, connection.password, connection.clientSecret];
}

/** A trigger or schedule naming a workflow that does not exist would only fail when it fires: refuse it at start. */
function assertSettingsNameWorkflows(settings: Settings, workflows: WorkflowCatalog): void {
  const known = new Set(workflows.list().map((workflow) => workflow.name));
  const problems = [
    ...settings.triggers.flatMap((trigger, index) => (known.has(trigger.workflow) ? [] : [`triggers[${index}].workflow: no workflow named "${trigger.workflow}"`])),
    ...settings.schedules.flatMap((schedule, index) => (known.has(schedule.workflow) ? [] : [`schedules[${index}].workflow: no workflow named "${schedule.workflow}"`])),
    ...Object.keys(settings.workflowDefaults).flatMap((name) => (known.has(name) ? [] : [`workflowDefaults.${name}: no workflow named "${name}"`])),
  ];
  if (problems.length > 0) {
    throw new BatonError('config_invalid', `Invalid settings:\n  - ${problems.join('\n  - ')}\n  Workflows: ${[...known].join(', ')}.`, { details: { problems } });
  }
}
