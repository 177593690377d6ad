import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Engine } from '../../src/engine/engine.js';
import type { RunDetail } from '../../src/store/index.js';
import { toRunResult, type RunResult } from './run-result.js';

export interface RunToolResultOptions {
  /** A workflow or agent tool whose run failed has failed as a tool; `get_run` reading a failed run has not. */
  readonly failureIsError: boolean;
}

/** The run as a tool result: structured content, and the same as text for hosts that show only text. */
export async function runToolResult(engine: Engine, run: RunDetail, options: RunToolResultOptions): Promise<CallToolResult> {
  const pending = run.status === 'waiting_for_human' ? await engine.listApprovals({ runId: run.id, status: 'pending' }) : [];
  const result = toRunResult(run, pending);
  const failed = result.status === 'failed' || result.status === 'cancelled';
  return {
    ...(options.failureIsError && failed ? { isError: true } : {}),
    content: [{ type: 'text', text: renderRunResult(result) }],
    structuredContent: result,
  };
}

export function renderRunResult(result: RunResult): string {
  const headline = `Run ${result.runId} (${result.kind} ${result.name}) is ${result.status}${result.simulated ? ', simulated' : ''}, cost $${result.costUsd.toFixed(4)}.`;
  // Compact: hosts that read only text get the same JSON, at half the bytes of an indented copy.
  return `${headline}\n${result.next}\n\n${JSON.stringify(result)}`;
}
