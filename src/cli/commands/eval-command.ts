import path from 'node:path';
import { BatonError, toBatonError } from '../../errors/index.js';
import { evaluateGoldenSets, formatEvalReport, loadGoldenSets, worldToday, type EvalWorld, type GoldenSet } from '../../eval/index.js';
import type { Baton } from '../../main/create-baton.js';
import { openScratchWorld } from '../../main/open-scratch-world.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { printJson, printLine } from '../cli-io.js';
import { parseCliArgs, parseWholeNumber } from '../parse-cli-args.js';

export const evalCommand: CliCommand = {
  name: 'eval',
  usage: 'baton eval [workflow] [--golden <folder>] [--json] [--timeout <seconds>] [--drift-threshold <0-1>] [--fail-on-drift]',
  summary: 'Run the golden sets, score them and compare with the previous eval',
  help: [
    'Runs every case of every golden set (golden/<workflow>/*.json), or only <workflow>\'s, through the engine with step',
    'workers in this process, taking each case\'s decisions at gates and reviews as the reviewer "eval". Offline mode (no',
    'ANTHROPIC_API_KEY, or BATON_MODEL=offline) uses the simulator; otherwise the configured model answers.',
    'Each set runs in a scratch world, never on real data: a fresh embedded CRM seeded with the sample book (for the day',
    'golden/<workflow>/_world.json names, with its extra records), on a temporary store (a temporary folder, or a',
    'temporary schema of DATABASE_URL\'s database) and a queue prefix of its own, all removed afterwards. SALESFORCE_*',
    'settings are ignored. If the scratch world cannot be created, nothing runs.',
    'Per workflow it reports: cases passed, schema validity, rule compliance (agents\' checks and critic rules), critic pass',
    'rate, mean loop iterations, agreement with the known-good outputs, and drift against the previous eval of the same',
    'workflow and mode: a rate down by more than --drift-threshold (default 0.05), iterations up by a quarter round, a case',
    'that passed and now fails. Each workflow\'s eval is stored in the configured store (table eval_runs).',
    '--golden <folder> (default ./golden); --timeout is per case (default 120); --json prints the whole result.',
    'Exit status: 0 every case met its expectations; 1 a case failed (or, with --fail-on-drift, drift was flagged);',
    '2 a bad command or golden file.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(
      args,
      { golden: { type: 'string' }, json: { type: 'boolean', default: false }, timeout: { type: 'string' }, 'drift-threshold': { type: 'string' }, 'fail-on-drift': { type: 'boolean', default: false }, concurrency: { type: 'string' } },
      this.usage,
    );
    if (positionals.length > 1) throw new BatonError('input_invalid', `Unexpected argument "${positionals[1] ?? ''}". Usage: ${this.usage}`, { details: { usage: true } });
    const timeoutSeconds = parseWholeNumber('--timeout', values.timeout, { min: 1, max: 3_600 }) ?? 120;
    const concurrency = parseWholeNumber('--concurrency', values.concurrency, { min: 1, max: 32 }) ?? 4;
    const driftThreshold = parseThreshold(values['drift-threshold']);
    const baton = await context.baton();
    const folder = path.resolve(values.golden ?? 'golden');
    const workflows = baton.workflows.list().map((workflow) => workflow.name);
    const sets = await loadGoldenSets({ folder, workflows, ...(positionals[0] === undefined ? {} : { only: positionals[0] }) });
    if (sets.length === 0) throw new BatonError('input_invalid', `No golden sets in ${folder}: add golden/<workflow>/<case>.json files.`, { details: { folder } });
    // The configured store holds the evals, so drift compares across them; the runs go to scratch worlds.
    const store = await baton.store();
    const mode = baton.runner.simulated ? 'offline' : 'model';
    context.io.stderr.write(`baton: eval of ${sets.map((set) => `${set.workflow} (${set.cases.length})`).join(', ')}${mode === 'offline' ? ', offline simulator' : ''}, each set in a scratch world\n`);
    const outcome = await evaluateGoldenSets({
      openWorld: (set) => openEvalWorld(baton, set),
      sql: store.sql,
      sets,
      mode,
      timeoutMs: timeoutSeconds * 1_000,
      driftThreshold,
      concurrency,
      onWorld: (workflow, world) => context.io.stderr.write(`  ${workflow}: scratch world in ${world.location}\n`),
      onCase: (workflow, result) => context.io.stderr.write(`  ${result.passed ? 'pass' : 'FAIL'}  ${workflow}/${result.id} (${result.status}, ${result.durationMs} ms)\n`),
    });
    if (values.json) printJson(context.io, outcome);
    else printLine(context.io, formatEvalReport(outcome));
    return outcome.passed && !(values['fail-on-drift'] && outcome.drifted) ? EXIT.ok : EXIT.failed;
  },
};

async function openEvalWorld(baton: Baton, set: GoldenSet): Promise<EvalWorld> {
  const today = worldToday(set.world);
  try {
    const world = await openScratchWorld(baton, { ...(today === undefined ? {} : { today }), records: set.world.records });
    return { engine: world.opened.engine, location: `${world.location}, queue prefix ${world.opened.prefix}`, close: () => world.close() };
  } catch (thrown) {
    const error = toBatonError(thrown);
    throw new BatonError(
      error.code,
      `baton eval runs each golden set in a scratch world (a fresh embedded CRM with the sample book, a temporary store and queue prefix), never on the configured store or CRM, and could not create one for ${set.workflow}: ${error.message}`,
      { cause: thrown, details: { workflow: set.workflow } },
    );
  }
}

function parseThreshold(value: string | undefined): number {
  if (value === undefined) return 0.05;
  const threshold = Number(value);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new BatonError('input_invalid', `--drift-threshold: expected a number from 0 to 1, got "${value}".`, { details: { option: '--drift-threshold' } });
  }
  return threshold;
}
