import type { OpenedEngine } from '../main/open-engine.js';
import type { RunDetail } from '../store/index.js';
import { printJson, type CliIo } from './cli-io.js';
import { EXIT } from './cli-command.js';
import { runReport } from './run-report.js';

export interface RunOutcomeOptions {
  readonly timedOut?: boolean;
  /** Seconds waited, for the timeout message. */
  readonly waitedSeconds?: number;
  /** Exit 0 when the run failed or was cancelled because the command asked for it (a rejection). */
  readonly failureExpected?: boolean;
}

/**
 * Prints the run as JSON on stdout and says on stderr what happens next; returns the exit
 * status: 0 when the run succeeded, is partial or waits for a person, 1 when it failed, was
 * cancelled or is still moving after the timeout.
 */
export async function printRunOutcome(io: CliIo, opened: OpenedEngine, run: RunDetail, options: RunOutcomeOptions = {}): Promise<number> {
  const pending = await opened.engine.listApprovals({ runId: run.id, status: 'pending' });
  printJson(io, runReport(run, pending, { timedOut: options.timedOut === true }));
  const say = (line: string) => io.stderr.write(`baton: ${line}\n`);
  if (options.timedOut === true) {
    say(`run ${run.id} is still ${run.status} after ${options.waitedSeconds ?? '?'} s. Follow it with \`baton runs show ${run.id}\`; \`baton worker\` or \`baton serve\` finishes it.`);
    return EXIT.failed;
  }
  switch (run.status) {
    case 'waiting_for_human':
      for (const approval of pending) {
        say(`run ${run.id} waits for a decision on ${approval.key} (${approval.action}).`);
        say(`  see it:   baton approvals show ${approval.id}`);
        say(`  decide:   baton approvals approve ${approval.id}  |  baton approvals reject ${approval.id} --reason "…"  |  baton approvals edit ${approval.id} --input <file.json>`);
      }
      return EXIT.ok;
    case 'succeeded':
      return EXIT.ok;
    case 'partial':
      if (run.error !== null && options.failureExpected !== true) say(`run ${run.id} partial (${run.error.code}): ${run.error.message}; what did complete is in output.`);
      return EXIT.ok;
    case 'failed':
    case 'cancelled':
      if (options.failureExpected !== true) say(`run ${run.id} ${run.status}${run.error === null ? '' : ` (${run.error.code}): ${run.error.message}`}`);
      return options.failureExpected === true ? EXIT.ok : EXIT.failed;
    default:
      say(`run ${run.id} is ${run.status}: a worker (\`baton worker\` or \`baton serve\`) moves it on. Follow it with \`baton runs show ${run.id}\`.`);
      return EXIT.ok;
  }
}
