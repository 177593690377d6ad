import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BatonError } from '../../errors/index.js';
import { exportDecisions } from '../../eval/index.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { parseCliArgs, parseWholeNumber } from '../parse-cli-args.js';

export const evalExportDecisionsCommand: CliCommand = {
  name: 'eval export-decisions',
  usage: 'baton eval export-decisions [--workflow <name>] [--since <ISO date>] [--limit n] [--out <folder>]',
  summary: 'Turn human decisions (approve, edit, reject, a category) into golden cases',
  help: [
    'Reads decided approvals of workflow runs and writes one golden case per decision: the run\'s input, the decisions to',
    'replay, and what the person wanted. An approved output becomes known-good; an edited one becomes known-good with the',
    'edit kept as a field-level diff (source.diff) while the eval measures the fresh draft against it; a rejected one',
    'becomes known-bad with its reason; a reviewer\'s category at a low-confidence route becomes the expected category.',
    'Decisions taken by policy and runs started by `baton eval` are left out.',
    'Without --out, prints one case per line as JSON ({"workflow", "case"}); with --out, writes',
    '<folder>/<workflow>/<case-id>.json, ready for `baton eval --golden <folder>` or to copy into golden/.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { workflow: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' }, out: { type: 'string' } }, this.usage);
    if (positionals.length > 0) throw new BatonError('input_invalid', `Unexpected argument "${positionals[0] ?? ''}". Usage: ${this.usage}`, { details: { usage: true } });
    if (values.since !== undefined && Number.isNaN(Date.parse(values.since))) {
      throw new BatonError('input_invalid', `--since: expected an ISO date such as 2026-11-01, got "${values.since}".`, { details: { option: '--since' } });
    }
    const limit = parseWholeNumber('--limit', values.limit, { min: 1, max: 10_000 });
    const baton = await context.baton();
    if (values.workflow !== undefined) baton.workflows.get(values.workflow);
    const store = await baton.store();
    const cases = await exportDecisions({
      sql: store.sql,
      ...(values.workflow === undefined ? {} : { workflow: values.workflow }),
      ...(values.since === undefined ? {} : { since: values.since }),
      ...(limit === undefined ? {} : { limit }),
    });
    if (values.out === undefined) {
      for (const exported of cases) context.io.stdout.write(`${JSON.stringify(exported)}\n`);
    } else {
      for (const exported of cases) {
        const folder = path.join(path.resolve(values.out), exported.workflow);
        await mkdir(folder, { recursive: true });
        await writeFile(path.join(folder, `${exported.case.id}.json`), `${JSON.stringify(exported.case, null, 2)}\n`);
      }
    }
    context.io.stderr.write(`baton: exported ${cases.length} decision${cases.length === 1 ? '' : 's'} as golden cases${values.out === undefined ? '' : ` under ${path.resolve(values.out)}`}\n`);
    return EXIT.ok;
  },
};
