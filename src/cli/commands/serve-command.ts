import type { CliCommand } from '../cli-command.js';
import { runRole } from '../run-until-signal.js';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'baton serve [--workers <n>]',
  summary: 'Run the server: step workers, event triggers, schedules, approval expiry and the reconciler',
  help: [
    'Runs everything one Baton server does: step workers (--workers, default 1), the event worker that starts workflows',
    'from triggers, the schedule worker (schedules are synchronised with the settings file at start), the sweep that',
    'escalates or expires overdue approvals, and the reconciler. Runs until SIGINT or SIGTERM, then closes cleanly and',
    'exits 0; a second signal exits at once. Logs at info on stderr unless BATON_LOG_LEVEL says otherwise.',
  ].join('\n'),
  defaultLogLevel: 'info',
  run(args, context) {
    return runRole(args, context, { usage: this.usage, role: 'serve' });
  },
};
