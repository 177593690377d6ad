import { randomUUID } from 'node:crypto';
import type { AgentResult, AgentRunner, AnyAgent } from '../../agents/index.js';
import type { Logger } from '../logging/index.js';
import { withTrace } from '../logging/index.js';
import { createRunStore, type SqlClient } from '../store/index.js';

export interface AgentRunsOptions {
  readonly sql: SqlClient;
  readonly runner: AgentRunner;
  readonly logger: Logger;
}

export interface RecordedAgentRun {
  readonly runId: string;
  /** The run's id is its trace id: the same value in every log line and row of the run. */
  readonly traceId: string;
  readonly result: AgentResult<unknown>;
}

export interface AgentRunOptions {
  readonly signal?: AbortSignal;
  /** A fresh id chosen by the caller, so it can point at the run before it ends (an MCP run handle). */
  readonly runId?: string;
}

export interface AgentRuns {
  /**
   * Runs one agent now, in this process, as a one-step run in the store. Input is validated
   * before anything is written, so a bad input leaves no trace; once written, the run always
   * ends succeeded or failed, with the step's usage, cost and error beside it.
   */
  run(agent: AnyAgent, context: unknown, options?: AgentRunOptions): Promise<RecordedAgentRun>;
}

export function createAgentRuns(options: AgentRunsOptions): AgentRuns {
  const { sql, runner, logger } = options;
  const runs = createRunStore({ sql });

  async function run(agent: AnyAgent, context: unknown, runOptions: AgentRunOptions = {}): Promise<RecordedAgentRun> {
    const input: unknown = runner.prepareInput(agent, context);
    const runId = runOptions.runId ?? randomUUID();
    return withTrace({ traceId: runId, runId }, async () => {
      // One commit for the run and its step: a crash between them would leave a run with no step.
      const step = await sql.transaction(async (transaction) => {
        const opening = createRunStore({ sql: transaction });
        await opening.createRun({ id: runId, kind: 'agent', name: agent.name, version: agent.version, input, simulated: runner.simulated });
        return opening.startStep({ runId, name: agent.name, agent: agent.name, input, idempotencyKey: `${runId}:${agent.name}:1` });
      });
      const result = await withTrace({ step: agent.name }, () => runner.run(agent, input, runOptions));
      if (result.ok) {
        await runs.completeStep({
          stepId: step.id,
          output: result.output,
          ...(result.confidence === undefined ? {} : { confidence: result.confidence }),
          model: result.model,
          simulated: result.simulated,
          usage: result.usage,
          costUsd: result.costUsd,
          latencyMs: result.latencyMs,
          run: { status: 'succeeded', output: result.output },
        });
      } else {
        await runs.failStep({
          stepId: step.id,
          error: result.error,
          simulated: result.simulated,
          latencyMs: result.latencyMs,
          ...(result.spent === undefined ? {} : { model: result.spent.model, usage: result.spent.usage, costUsd: result.spent.costUsd }),
          run: { status: 'failed', error: result.error },
        });
      }
      logger.info({ agent: agent.name, ok: result.ok }, 'agent run recorded');
      return { runId, traceId: runId, result };
    });
  }

  return { run };
}
