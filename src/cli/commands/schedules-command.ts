import type { Baton } from '../../main/create-baton.js';
import { printJson, printLine } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { formatJsonLine, formatTable } from '../format-table.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const schedulesCommand: CliCommand = {
  name: 'schedules',
  usage: 'baton schedules [--json]',
  summary: 'List the schedules of the settings file: which workflow runs when',
  help: [
    'Prints the `schedules` section of the settings file (BATON_CONFIG, default ./baton.config.json): each schedule\'s id,',
    'cron expression and time zone, the workflow it starts and its input. `baton serve` synchronises them with Redis at start',
    'and starts the runs.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { json: { type: 'boolean', default: false } }, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const baton = await context.baton();
    const nextRuns = await nextRunsById(baton);
    const schedules = baton.settings.schedules.map((schedule) => ({
      id: schedule.id,
      cron: schedule.cron,
      timeZone: schedule.timeZone,
      workflow: schedule.workflow,
      input: schedule.input,
      nextRunAt: nextRuns.get(schedule.id) ?? null,
    }));
    if (values.json) {
      printJson(context.io, schedules);
      return EXIT.ok;
    }
    if (schedules.length === 0) {
      context.io.stderr.write(`baton: no schedules in ${baton.config.configFile.path}.\n`);
      return EXIT.ok;
    }
    const rows = schedules.map((schedule) => [schedule.id, schedule.cron, schedule.timeZone, schedule.workflow, schedule.nextRunAt ?? 'not synced', formatJsonLine(schedule.input, 60)]);
    printLine(context.io, formatTable(['id', 'cron', 'time zone', 'workflow', 'next run', 'input'], rows));
    return EXIT.ok;
  },
};

/** Next runs as Redis knows them, once `baton serve` has synced the schedules; none when Redis does not answer. */
async function nextRunsById(baton: Baton): Promise<Map<string, string>> {
  if (baton.settings.schedules.length === 0) return new Map();
  try {
    const known = await (await baton.engine()).schedules();
    return new Map(known.flatMap((schedule) => (schedule.nextRunAt === undefined ? [] : [[schedule.scheduleId, schedule.nextRunAt.toISOString()] as const])));
  } catch {
    return new Map();
  }
}
