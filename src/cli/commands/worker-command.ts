import type { CliCommand } from '../cli-command.js';
import { runRole } from '../run-until-signal.js';

export const workerCommand: CliCommand = {
  name: 'worker',
  usage: 'baton worker [--workers <n>]',
  summary: 'Run step workers until stopped (as many processes as needed, sharing Redis and the store)',
  help: [
    'Reconciles the store with the queue, then runs --workers step workers (default 1, up to 64), each taking up to',
    'queues.concurrency steps at once (settings file). Runs until SIGINT or SIGTERM: then it stops taking jobs, lets the',
    'steps in flight finish, closes its connections and exits 0; a second signal exits at once. Logs at info on stderr.',
  ].join('\n'),
  defaultLogLevel: 'info',
  run(args, context) {
    return runRole(args, context, { usage: this.usage, role: 'worker' });
  },
};
