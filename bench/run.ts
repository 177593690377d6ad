import os from 'node:os';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/logging/index.js';
import type { Benchmark, BenchmarkContext } from './benchmark-types.js';
import { BENCHMARKS } from './benchmarks.js';
import { renderTable, type BenchmarkReport } from './report-table.js';

const USAGE = 'usage: npm run bench -- [--json] [--only <benchmark>]';

/**
 * `npm run bench`: runs every registered benchmark and prints a table, or with `--json` exactly
 * one JSON object on stdout. A missed target is a finding, not a failure: the exit status is
 * non-zero only when a benchmark crashed (1) or the command line is wrong (2).
 */
async function main(argv: readonly string[]): Promise<number> {
  let options: { json: boolean; only: string | undefined };
  try {
    const { values } = parseArgs({ args: [...argv], options: { json: { type: 'boolean' }, only: { type: 'string' } } });
    options = { json: values.json ?? false, only: values.only };
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const selected = options.only === undefined ? BENCHMARKS : BENCHMARKS.filter((benchmark) => benchmark.name === options.only);
  if (selected.length === 0) {
    console.error(`bench: no benchmark named "${options.only ?? ''}". Benchmarks: ${BENCHMARKS.map((benchmark) => benchmark.name).join(', ')}`);
    return 2;
  }
  const context: BenchmarkContext = { logger: createLogger({ level: 'silent' }) };
  const startedAt = new Date().toISOString();
  const reports: BenchmarkReport[] = [];
  for (const benchmark of selected) {
    // Progress goes to stderr so that stdout holds only the table or the JSON object.
    console.error(`bench: running ${benchmark.name}…`);
    reports.push(await runOne(benchmark, context));
  }
  if (options.json) console.log(JSON.stringify(toJson(startedAt, reports), null, 2));
  else console.log(renderTable(reports));
  return reports.some((report) => report.error !== undefined) ? 1 : 0;
}

async function runOne(benchmark: Benchmark, context: BenchmarkContext): Promise<BenchmarkReport> {
  const started = performance.now();
  const base = { name: benchmark.name, description: benchmark.description };
  try {
    const figures = await benchmark.run(context);
    return { ...base, durationMs: performance.now() - started, figures };
  } catch (error) {
    console.error(`bench: ${benchmark.name} crashed:`, error);
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, durationMs: performance.now() - started, figures: [], error: `crashed: ${message}` };
  }
}

function toJson(startedAt: string, reports: readonly BenchmarkReport[]): object {
  const judged = reports.flatMap((report) => report.figures).filter((figure) => figure.pass !== undefined);
  return {
    startedAt,
    machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown' },
    benchmarks: reports,
    targets: { met: judged.filter((figure) => figure.pass === true).length, missed: judged.filter((figure) => figure.pass === false).length },
  };
}

process.exitCode = await main(process.argv.slice(2));
