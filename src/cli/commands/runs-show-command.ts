import type { ApprovalView } from '../../engine/approvals/approval-queries.js';
import type { RunDetail, Step } from '../../store/index.js';
import { printJson, printLine, type CliIo } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { formatCost, formatLatency, formatTable, formatTime } from '../format-table.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';
import { describeEvent } from '../progress-lines.js';
import { SIMULATED_NOTICE } from '../simulated-notice.js';

export const runsShowCommand: CliCommand = {
  name: 'runs show',
  usage: 'baton runs show <id> [--json]',
  summary: 'Show a run: every step with its input, output, timing, tokens, cost and error; events; approvals',
  help: 'Prints one run in full: its steps (every attempt), its events in order, and its approvals. With --json, the same as JSON.',
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { json: { type: 'boolean', default: false } }, this.usage);
    const [runId = ''] = expectPositionals(positionals, 1, this.usage);
    const opened = await (await context.baton()).engine();
    const run = await opened.engine.getRun(runId);
    const approvals = await opened.engine.listApprovals({ runId, limit: 500 });
    if (values.json) {
      printJson(context.io, { ...run, approvals, ...(run.simulated ? { notice: SIMULATED_NOTICE } : {}) });
      return EXIT.ok;
    }
    printRun(context.io, run, approvals);
    return EXIT.ok;
  },
};

function printRun(io: CliIo, run: RunDetail, approvals: readonly ApprovalView[]): void {
  const line = (text = '') => {
    printLine(io, text);
  };
  line(`run ${run.id}  ${run.kind} ${run.name}@${run.version}  ${run.status}${run.simulated ? '  (simulated)' : ''}`);
  line(`  trace ${run.traceId}  created ${formatTime(run.createdAt)}  finished ${formatTime(run.finishedAt)}`);
  line(`  cost ${formatCost(run.costUsd)}  tokens in ${run.inputTokens} / out ${run.outputTokens}`);
  line(`  input:  ${JSON.stringify(run.input)}`);
  if (run.output !== null && run.output !== undefined) line(`  output: ${JSON.stringify(run.output)}`);
  if (run.error !== null) line(`  error:  ${run.error.code}: ${run.error.message}`);
  line();
  line(`steps (${run.steps.length})`);
  for (const step of run.steps) printStep(io, step);
  line();
  line(`events (${run.events.length})`);
  line(formatTable(['at', 'type', 'detail'], run.events.map((event) => [formatTime(event.at), event.type, describeEvent(event) ?? event.step ?? ''])).replace(/^/gm, '  '));
  line();
  line(`approvals (${approvals.length})`);
  for (const approval of approvals) {
    const decided = approval.decidedBy === null ? '' : `  by ${approval.decidedBy} at ${formatTime(approval.decidedAt)}${approval.reason === null ? '' : `: ${approval.reason}`}`;
    line(`  ${approval.id}  ${approval.key}  ${approval.action} (${approval.risk} risk)  ${approval.status}${decided}`);
    line(`    fingerprint ${approval.fingerprint}  payload: ${JSON.stringify(approval.payload)}`);
  }
}

function printStep(io: CliIo, step: Step): void {
  const line = (text: string) => {
    printLine(io, text);
  };
  line(`  ${step.name}  ${step.agent ?? '-'}  attempt ${step.attempt}  ${step.status}`);
  line(`    started ${formatTime(step.startedAt)}  finished ${formatTime(step.finishedAt)}  latency ${formatLatency(step.latencyMs)}`);
  line(`    model ${step.model ?? '-'}  tokens in ${step.inputTokens} / out ${step.outputTokens}  cost ${formatCost(step.costUsd)}${step.confidence === null ? '' : `  confidence ${step.confidence}`}`);
  line(`    input:  ${JSON.stringify(step.input)}`);
  if (step.output !== null && step.output !== undefined) line(`    output: ${JSON.stringify(step.output)}`);
  if (step.error !== null) line(`    error:  ${step.error.code}: ${step.error.message}`);
}
